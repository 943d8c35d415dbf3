// phi(z) = (e^z - 1) / z as a composition of threshold constructions (see expm1_ratio.hpp).
//
// Depth: the quotient branch (exp 19, fadd 8, fdiv 11) and the series (three fmul 7 and three
// fadd 8 in series) run in parallel, then a two-layer mux: constant in q. The branch signal is
// one gate on the two's complement exponent ANDed with the leading magnitude bit.
#include "circuits/expm1_ratio.hpp"

#include <cstdint>
#include <stdexcept>
#include <string>

#include "circuits/exp.hpp"
#include "circuits/float_add.hpp"
#include "circuits/float_blocks.hpp"
#include "circuits/float_div.hpp"
#include "circuits/float_mul.hpp"
#include "circuits/int_mutants.hpp"
#include "lib/compose.hpp"
#include "lib/float_word.hpp"

namespace tc {

namespace {

Bits constant_word(FloatValue v, FloatFormat f) {
  Bits word;
  for (bool b : float_to_bits(v, f)) word.push_back(b ? kTrue : kFalse);
  return word;
}

// round_q(1/3) as the significand of 1/6 = m 2^-(q+2) and 1/24 = m 2^-(q+4): m = round(2^(q+1)/3),
// never a tie; integer division by 3 of 2^(q+1) + 1 rounds to nearest.
uint64_t third_significand(int q) { return ((uint64_t{1} << (q + 1)) + 1) / 3; }

}  // namespace

int expm1_ratio_construction_threshold(int q) {
  // 33 2^(q+2) <= 2400 2^(4t), in 128 bits (q <= 16).
  int t = 1;
  while (static_cast<unsigned __int128>(33) << (q + 2) > static_cast<unsigned __int128>(2400)
                                                             << (4 * t))
    ++t;
  return t;
}

const std::vector<Mutant>& expm1_ratio_mutants() {
  static const std::vector<Mutant> mutants = {
      {"series-coefficient-wrong", "the z^2 coefficient of the series is 1/2 (e^z's) not 1/6"},
      {"minus-one-dropped", "the quotient branch computes e^z / z instead of (e^z - 1) / z"},
  };
  return mutants;
}

Circuit expm1_ratio_construction(const Params& params) {
  const FloatFormat f = float_format(params);
  if (f.e != f.p + 1) throw std::invalid_argument("expm1_ratio: only the exponent width p + 1");
  if (f.p < 2 || f.p > 16)
    throw std::invalid_argument("expm1_ratio: q = " + std::to_string(f.p) + " outside [2, 16]");
  const std::string& mutant = params.mutant;
  bool known = mutant.empty();
  for (const Mutant& m : expm1_ratio_mutants()) known = known || m.name == mutant;
  if (!known) int_unknown_mutant("expm1_ratio", mutant);
  const int q = f.p, t = expm1_ratio_construction_threshold(q);
  const Params same = float_params(f);
  const Circuit add = float_add_construction(same), mul = float_mul_construction(same);
  // Each operation a leaf block; its own cuts (fmul's product, fadd's order, fdiv's quotient) are
  // re-declared under the block's name (block_with_inner_cuts), so the block proof can use them.
  const uint64_t lead = uint64_t{1} << (q - 1);

  Circuit c("expm1-ratio");
  const Bits z = add_float_input(c, "z", f);
  // Quotient branch.
  const Bits y =
      compose_embed(c, exp_construction(same), {z}, block_with_inner_cuts("exp")).output("z");
  Bits num = y;
  if (mutant != "minus-one-dropped")
    num = compose_embed(c, add, {y, constant_word({true, lead, 1 - q}, f)},
                        block_with_inner_cuts("num"))
              .output("z");
  const Bits quotient =
      compose_embed(c, float_div_construction(same), {num, z}, block_with_inner_cuts("div"))
          .output("z");
  // Series branch (Horner on 1 + z/2 + z^2/6 + z^3/24).
  const uint64_t third = third_significand(q);
  const Bits c3 = constant_word({false, third, -(q + 4)}, f);
  const Bits c2 = mutant == "series-coefficient-wrong" ? constant_word({false, lead, -q}, f)
                                                       : constant_word({false, third, -(q + 2)}, f);
  const Bits half = constant_word({false, lead, -q}, f),
             one = constant_word({false, lead, 1 - q}, f);
  const Bits m1 = compose_embed(c, mul, {z, c3}, block_with_inner_cuts("series-m1")).output("z");
  const Bits a1 = compose_embed(c, add, {m1, c2}, block_with_inner_cuts("series-a1")).output("z");
  const Bits m2 = compose_embed(c, mul, {z, a1}, block_with_inner_cuts("series-m2")).output("z");
  const Bits a2 = compose_embed(c, add, {m2, half}, block_with_inner_cuts("series-a2")).output("z");
  const Bits m3 = compose_embed(c, mul, {z, a2}, block_with_inner_cuts("series-m3")).output("z");
  const Bits series =
      compose_embed(c, add, {m3, one}, block_with_inner_cuts("series-s")).output("z");
  // |z| >= 2^-t iff the leading magnitude bit is set and e >= 1 - q - t (two's complement e).
  const FloatBits fields = split_float(z, f);
  LinearForm exponent;
  exponent.add_signed(fields.exponent, 1);
  const Signal large = fb_at_least(c, exponent, 1 - q - t, {fields.magnitude[q - 1]});
  Bits phi;
  for (size_t i = 0; i < quotient.size(); ++i)
    phi.push_back(fb_mux(c, large, quotient[i], series[i]));
  add_float_output(c, "phi", phi, f);
  return c;
}

}  // namespace tc
