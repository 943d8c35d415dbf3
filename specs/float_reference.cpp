// Exact float references (see float_reference.hpp).
#include "specs/float_reference.hpp"

#include <gmpxx.h>

#include "lib/decode.hpp"
#include "specs/float_exact.hpp"

namespace tc {

namespace {

// "exact 11/32 = 0.34375, round_p = 11 * 2^-5 (...)".
std::string describe(const mpq_class& exact, FloatValue rounded, FloatFormat f) {
  std::string s = "exact " + exact.get_str() + " = " + format_dyadic(exact);
  return s + ", round_p = " + format_word(float_decoding(f), float_to_bits(rounded, f));
}

FloatValue operand(const std::vector<std::vector<bool>>& in, size_t i, FloatFormat f) {
  return float_from_bits(in.at(i), f);
}

}  // namespace

std::vector<std::string> float_add_reference(const Params& params,
                                             const std::vector<std::vector<bool>>& in) {
  const FloatFormat f = float_format(params);
  const FloatValue x = operand(in, 0, f), y = operand(in, 1, f);
  return {describe(value(x) + value(y), exact_add(x, y, f), f)};
}

std::vector<std::string> float_mul_reference(const Params& params,
                                             const std::vector<std::vector<bool>>& in) {
  const FloatFormat f = float_format(params);
  const FloatValue x = operand(in, 0, f), y = operand(in, 1, f);
  return {describe(value(x) * value(y), exact_mul(x, y, f), f)};
}

std::vector<std::string> float_div_reference(const Params& params,
                                             const std::vector<std::vector<bool>>& in) {
  const FloatFormat f = float_format(params);
  const FloatValue x = operand(in, 0, f), y = operand(in, 1, f);
  const DivResult r = exact_div(x, y, f);
  if (r.div_by_zero) return {"division by zero: canonical zero by definition", "true"};
  const mpq_class q = value(x) / value(y);
  return {"exact " + q.get_str() + " (" + format_dyadic(q) +
              "), round_p = " + format_word(float_decoding(f), float_to_bits(r.z, f)),
          "false"};
}

std::vector<std::string> float_cmp_reference(const Params& params,
                                             const std::vector<std::vector<bool>>& in) {
  const FloatFormat f = float_format(params);
  const FloatValue x = operand(in, 0, f), y = operand(in, 1, f);
  return {exact_le(x, y) ? "true" : "false", exact_eq(x, y) ? "true" : "false"};
}

std::vector<std::string> float_floor_reference(const Params& params,
                                               const std::vector<std::vector<bool>>& in) {
  const FloatFormat f = float_format(params);
  const FloatValue x = operand(in, 0, f);
  const mpq_class v = value(x);
  mpz_class fl;
  mpz_fdiv_q(fl.get_mpz_t(), v.get_num_mpz_t(), v.get_den_mpz_t());
  return {describe(mpq_class(fl), exact_floor(x, f), f)};
}

}  // namespace tc
