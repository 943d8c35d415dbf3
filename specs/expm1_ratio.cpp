// The bit-level spec of phi(z) = (e^z - 1) / z: build_exp_spec, build_float_add_spec,
// build_float_div_spec and build_float_mul_spec at q, joined by a ripple comparison of the
// exponent and a plain mux (see expm1_ratio.hpp).
#include "specs/expm1_ratio.hpp"

#include <stdexcept>
#include <string>

#include "lib/compose.hpp"
#include "specs/exp.hpp"
#include "specs/float_add.hpp"
#include "specs/float_bits.hpp"
#include "specs/float_div.hpp"
#include "specs/float_exact.hpp"
#include "specs/float_mul.hpp"

namespace tc {

namespace {

Bits constant_word(FloatValue v, FloatFormat f) {
  Bits word;
  for (bool b : float_to_bits(v, f)) word.push_back(b ? kTrue : kFalse);
  return word;
}

Bits rounded_constant(const mpq_class& v, FloatFormat f) {
  return constant_word(round_to_float(v, f), f);
}

}  // namespace

int expm1_ratio_threshold(int q) {
  // (33/20) 2^-4t / 120 <= 2^-(q+2)  <=>  33 2^(q+2) <= 2400 2^(4t)
  int t = 1;
  while (mpz_class(33) * (mpz_class(1) << (q + 2)) > mpz_class(2400) * (mpz_class(1) << (4 * t)))
    ++t;
  return t;
}

Expm1RatioDesign expm1_ratio_design(int q) {
  if (q < 2 || q > 16)
    throw std::invalid_argument("expm1_ratio: q = " + std::to_string(q) + " outside [2, 16]");
  return {q, expm1_ratio_threshold(q)};
}

Circuit build_expm1_ratio_spec(const Params& params) {
  const FloatFormat f = float_format(params);
  if (f.e != f.p + 1) throw std::invalid_argument("expm1_ratio: only the exponent width p + 1");
  const Expm1RatioDesign d = expm1_ratio_design(f.p);
  const Params same = float_params(f);
  const Circuit add = build_float_add_spec(same), mul = build_float_mul_spec(same);
  // Each operation a leaf block; its own cuts (fmul's product, fadd's order, fdiv's quotient) are
  // re-declared under the block's name (block_with_inner_cuts), so the block proof can use them.

  Circuit c("expm1-ratio-spec");
  const Bits z = add_float_input(c, "z", f);
  // Quotient branch.
  const Bits y =
      compose_embed(c, build_exp_spec(same), {z}, block_with_inner_cuts("exp")).output("z");
  const Bits minus_one = rounded_constant(-1, f);
  const Bits num = compose_embed(c, add, {y, minus_one}, block_with_inner_cuts("num")).output("z");
  const Bits quotient =
      compose_embed(c, build_float_div_spec(same), {num, z}, block_with_inner_cuts("div"))
          .output("z");
  // Series branch (Horner).
  const Bits c3 = rounded_constant(mpq_class(1, 24), f), c2 = rounded_constant(mpq_class(1, 6), f);
  const Bits half = rounded_constant(mpq_class(1, 2), f), one = rounded_constant(1, f);
  const Bits m1 = compose_embed(c, mul, {z, c3}, block_with_inner_cuts("series-m1")).output("z");
  const Bits a1 = compose_embed(c, add, {m1, c2}, block_with_inner_cuts("series-a1")).output("z");
  const Bits m2 = compose_embed(c, mul, {z, a1}, block_with_inner_cuts("series-m2")).output("z");
  const Bits a2 = compose_embed(c, add, {m2, half}, block_with_inner_cuts("series-a2")).output("z");
  const Bits m3 = compose_embed(c, mul, {z, a2}, block_with_inner_cuts("series-m3")).output("z");
  const Bits series =
      compose_embed(c, add, {m3, one}, block_with_inner_cuts("series-s")).output("z");
  // |z| >= 2^-t iff z != 0 and its exponent e satisfies e + q - 1 >= -t.
  const FloatBits fields = split_float(z, f);
  const Bits limit = bits_constant(-d.t - d.q + 1, f.e);
  const Signal large =
      c.create_and(bits_any(c, fields.magnitude), !bits_less_signed(c, fields.exponent, limit));
  add_float_output(c, "phi", bits_mux(c, large, quotient, series), f);
  return c;
}

}  // namespace tc
