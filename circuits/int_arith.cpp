// Constant-depth integer arithmetic from the telescoping primitive (see int_arith.hpp).
//
// Everything reduces to "bit k of a column sum is a function of S_k": addition and iterated
// addition put operand bits into columns, multiplication puts partial products there. Weights
// are powers of two; the largest sum at p = 16 (int-mul's) stays below 2^32, far inside int64.
#include "circuits/int_arith.hpp"

#include <algorithm>
#include <bit>
#include <cassert>

namespace tc {

void WeightedSum::add_term(Signal bit, int64_t weight) {
  assert(weight >= 0);
  bits.push_back(bit);
  weights.push_back(weight);
}

int64_t WeightedSum::max_value() const {
  int64_t total = 0;
  for (int64_t w : weights) total += w;
  return total;
}

// ---------------------------------------------------------------------------------------------

Signal int_at_least(Circuit& circuit, const WeightedSum& sum, int64_t threshold) {
  return circuit.create_threshold(sum.bits, sum.weights, threshold);
}

// sum_j sign_j [S >= t_j] telescopes to f(S) - f(0) when sign_j = f(t_j) - f(t_j - 1), and the
// signs alternate because f is Boolean and flips at each t_j.
Signal int_telescope(Circuit& circuit, const WeightedSum& sum, bool value_at_zero,
                     const std::vector<int64_t>& change_points) {
  assert(std::adjacent_find(change_points.begin(), change_points.end(),
                            [](int64_t x, int64_t y) { return x >= y; }) == change_points.end());
  Bits steps;
  std::vector<int64_t> signs;
  int64_t sign = value_at_zero ? -1 : 1;
  for (int64_t t : change_points) {
    assert(t > 0);
    steps.push_back(int_at_least(circuit, sum, t));
    signs.push_back(sign);
    sign = -sign;
  }
  return circuit.create_threshold(steps, signs, value_at_zero ? 0 : 1);
}

std::vector<int64_t> int_bit_change_points(int64_t max_value, int k) {
  assert(k >= 0 && k < 62);
  const int64_t step = int64_t{1} << k;
  std::vector<int64_t> points;
  for (int64_t t = step; t <= max_value; t += step) points.push_back(t);
  return points;
}

Signal int_bit_of_sum(Circuit& circuit, const WeightedSum& sum, int k) {
  return int_telescope(circuit, sum, false, int_bit_change_points(sum.max_value(), k));
}

// ---------------------------------------------------------------------------------------------

WeightedSum int_columns_sum(const Columns& columns, int lowest, int highest) {
  WeightedSum sum;
  const int top = std::min(highest, static_cast<int>(columns.size()) - 1);
  for (int c = std::max(lowest, 0); c <= top; ++c) {
    assert(c < 62);
    for (Signal bit : columns[c]) sum.add_term(bit, int64_t{1} << c);
  }
  return sum;
}

Columns int_operand_columns(const std::vector<Bits>& operands) {
  Columns columns;
  for (const Bits& operand : operands) {
    if (columns.size() < operand.size()) columns.resize(operand.size());
    for (size_t c = 0; c < operand.size(); ++c) columns[c].push_back(operand[c]);
  }
  return columns;
}

Columns int_partial_products(Circuit& circuit, const Bits& a, const Bits& b) {
  if (a.empty() || b.empty()) return {};
  Columns columns(a.size() + b.size() - 1);
  for (size_t i = 0; i < b.size(); ++i)
    for (size_t j = 0; j < a.size(); ++j) columns[i + j].push_back(circuit.create_and(a[j], b[i]));
  return columns;
}

// Bit k of the total equals bit k of S_k: the columns above k add multiples of 2^(k+1).
Bits int_add_columns(Circuit& circuit, const Columns& columns) {
  const int last = static_cast<int>(columns.size()) - 1;
  const int64_t total = int_columns_sum(columns, 0, last).max_value();
  const int width = std::bit_width(static_cast<uint64_t>(total));
  Bits result;
  for (int k = 0; k < width; ++k)
    result.push_back(int_bit_of_sum(circuit, int_columns_sum(columns, 0, k), k));
  return result;
}

// ---------------------------------------------------------------------------------------------

Signal int_compare_ge(Circuit& circuit, const Bits& a, const Bits& b) {
  assert(a.size() < 62 && b.size() < 62);
  Bits fanins;
  std::vector<int64_t> weights;
  for (size_t i = 0; i < a.size(); ++i) {
    fanins.push_back(a[i]);
    weights.push_back(int64_t{1} << i);
  }
  for (size_t i = 0; i < b.size(); ++i) {
    fanins.push_back(b[i]);
    weights.push_back(-(int64_t{1} << i));
  }
  return circuit.create_threshold(fanins, weights, 0);
}

Bits int_add(Circuit& circuit, const Bits& a, const Bits& b) {
  Bits sum = int_iterated_add(circuit, {a, b});
  sum.resize(std::max(a.size(), b.size()) + 1, kFalse);  // the carry bit may be constant
  return sum;
}

Bits int_iterated_add(Circuit& circuit, const std::vector<Bits>& operands) {
  return int_add_columns(circuit, int_operand_columns(operands));
}

Bits int_multiply(Circuit& circuit, const Bits& a, const Bits& b) {
  Bits product = int_add_columns(circuit, int_partial_products(circuit, a, b));
  product.resize(a.size() + b.size(), kFalse);  // (2^p - 1)^2 needs fewer bits when p = 1
  return product;
}

}  // namespace tc
