// Exact iterated sums (see float_exact_sum.hpp).
#include "specs/float_exact_sum.hpp"

#include <stdexcept>

#include "specs/float_exact.hpp"

namespace tc {

mpq_class exact_sum_value(const std::vector<FloatValue>& xs) {
  mpq_class total = 0;
  for (const FloatValue& x : xs) total += value(x);
  return total;
}

mpq_class exact_dot_value(const std::vector<FloatValue>& xs, const std::vector<FloatValue>& ys) {
  if (xs.size() != ys.size()) throw std::invalid_argument("exact_dot: vectors of different length");
  mpq_class total = 0;
  for (size_t i = 0; i < xs.size(); ++i) total += value(xs[i]) * value(ys[i]);
  return total;
}

FloatValue exact_sum(const std::vector<FloatValue>& xs, FloatFormat f) {
  return round_to_float(exact_sum_value(xs), f);
}

FloatValue exact_dot(const std::vector<FloatValue>& xs, const std::vector<FloatValue>& ys,
                     FloatFormat f) {
  return round_to_float(exact_dot_value(xs, ys), f);
}

FloatValue stepwise_sum(const std::vector<FloatValue>& xs, FloatFormat f) {
  if (xs.empty()) return {};
  FloatValue acc = round_to_float(value(xs[0]), f);
  for (size_t i = 1; i < xs.size(); ++i) acc = exact_add(acc, xs[i], f);
  return acc;
}

}  // namespace tc
