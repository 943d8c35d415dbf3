// Exact iterated products (see float_exact_prod.hpp).
#include "specs/float_exact_prod.hpp"

#include <stdexcept>

namespace tc {

mpq_class exact_product_value(const std::vector<FloatValue>& xs) {
  mpq_class product = 1;
  for (const FloatValue& x : xs) product *= value(x);
  return product;
}

FloatValue exact_prod(const std::vector<FloatValue>& xs, FloatFormat f) {
  return round_to_float(exact_product_value(xs), f);
}

std::vector<FloatValue> exact_hadamard(const std::vector<FloatValue>& xs,
                                       const std::vector<FloatValue>& ys, FloatFormat f) {
  if (xs.size() != ys.size())
    throw std::invalid_argument("exact_hadamard: vectors of different lengths");
  std::vector<FloatValue> z;
  for (size_t i = 0; i < xs.size(); ++i)
    z.push_back(round_to_float(value(xs[i]) * value(ys[i]), f));
  return z;
}

}  // namespace tc
