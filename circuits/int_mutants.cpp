// Deliberate mistakes shared by the integer mutants (see int_mutants.hpp).
#include "circuits/int_mutants.hpp"

#include <bit>
#include <stdexcept>

namespace tc {

Signal int_bit_of_sum_last_sign_flipped(Circuit& circuit, const WeightedSum& sum, int k) {
  const std::vector<int64_t> points = int_bit_change_points(sum.max_value(), k);
  Bits steps;
  std::vector<int64_t> signs;
  for (size_t j = 0; j < points.size(); ++j) {
    steps.push_back(int_at_least(circuit, sum, points[j]));
    const bool last = j + 1 == points.size();
    const int64_t correct = j % 2 == 0 ? 1 : -1;
    signs.push_back(last ? -correct : correct);
  }
  return circuit.create_threshold(steps, signs, 1);
}

Bits int_add_columns_last_sign_flipped(Circuit& circuit, const Columns& columns) {
  const int last = static_cast<int>(columns.size()) - 1;
  const int64_t total = int_columns_sum(columns, 0, last).max_value();
  const int width = std::bit_width(static_cast<uint64_t>(total));
  Bits result;
  for (int k = 0; k < width; ++k)
    result.push_back(int_bit_of_sum_last_sign_flipped(circuit, int_columns_sum(columns, 0, k), k));
  return result;
}

void int_unknown_mutant(const std::string& component, const std::string& mutant) {
  throw std::invalid_argument(component + ": unknown mutant '" + mutant + "'");
}

}  // namespace tc
