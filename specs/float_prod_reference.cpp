// Exact references of fprod and hadamard (see float_prod_reference.hpp).
#include "specs/float_prod_reference.hpp"

#include "lib/decode.hpp"
#include "specs/float_exact_prod.hpp"

namespace tc {

namespace {

std::string describe(const mpq_class& exact, FloatValue rounded, FloatFormat f) {
  return "exact " + exact.get_str() + " = " + format_dyadic(exact) +
         ", round_p = " + format_word(float_decoding(f), float_to_bits(rounded, f));
}

std::vector<FloatValue> operands(const std::vector<std::vector<bool>>& in, size_t first,
                                 size_t count, FloatFormat f) {
  std::vector<FloatValue> xs;
  for (size_t i = first; i < first + count; ++i) xs.push_back(float_from_bits(in.at(i), f));
  return xs;
}

}  // namespace

std::vector<std::string> float_prod_reference(const Params& params,
                                              const std::vector<std::vector<bool>>& in) {
  const FloatFormat f = float_format(params);
  const std::vector<FloatValue> xs = operands(in, 0, in.size(), f);
  return {describe(exact_product_value(xs), exact_prod(xs, f), f)};
}

std::vector<std::string> float_hadamard_reference(const Params& params,
                                                  const std::vector<std::vector<bool>>& in) {
  const FloatFormat f = float_format(params);
  const size_t n = in.size() / 2;
  const std::vector<FloatValue> xs = operands(in, 0, n, f), ys = operands(in, n, n, f);
  const std::vector<FloatValue> z = exact_hadamard(xs, ys, f);
  std::vector<std::string> lines;
  for (size_t i = 0; i < n; ++i) lines.push_back(describe(value(xs[i]) * value(ys[i]), z[i], f));
  return lines;
}

}  // namespace tc
