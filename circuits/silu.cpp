// silu as a composition of threshold constructions (see silu.hpp).
//
// Depth: the blocks are in series (negate and widen, exp, fadd, fdiv, narrow), so the depth is
// the sum of theirs, each constant in p; the size is dominated by fdiv's thermometer quotient at
// p1 (exponential in p, see the fdiv size note) and exp at p1.
#include "circuits/silu.hpp"

#include <stdexcept>
#include <string>

#include "circuits/exp.hpp"
#include "circuits/float_add.hpp"
#include "circuits/float_div.hpp"
#include "circuits/float_resize.hpp"
#include "circuits/int_mutants.hpp"
#include "lib/compose.hpp"
#include "lib/float_word.hpp"

namespace tc {

int silu_construction_p1(int p) {
  constexpr int kGuardBits = 3;
  if (p < 2 || p + kGuardBits > 16)
    throw std::invalid_argument("silu: p = " + std::to_string(p) + " outside [2, " +
                                std::to_string(16 - kGuardBits) + "]");
  return p + kGuardBits;
}

const std::vector<Mutant>& silu_mutants() {
  static const std::vector<Mutant> mutants = {
      {"exp-of-x", "the sign of the exp argument is dropped: x / (1 + e^x)"},
      {"exp-taylor-term-dropped",
       "the exp block at p1 is exp's own mutant taylor-term-dropped (no r^2 / 2 term)"},
      {"one-plus-dropped", "the denominator is e^-x instead of 1 + e^-x"},
      {"narrow-truncates", "the final narrowing to p bits truncates instead of rounding"},
      {"exp-error-ignored",
       "the error budget treats exp at p1 as exact and counts only the roundings of fadd, fdiv "
       "and the narrowing",
       true},
  };
  return mutants;
}

Circuit silu_construction(const Params& params) {
  const FloatFormat f = float_format(params);
  if (f.e != f.p + 1) throw std::invalid_argument("silu: only the default exponent width p + 1");
  const std::string& mutant = params.mutant;
  bool known = mutant.empty();
  for (const Mutant& m : silu_mutants()) known = known || m.name == mutant;
  if (!known) int_unknown_mutant("silu", mutant);

  const int p1 = silu_construction_p1(f.p);
  const FloatFormat f1{p1, p1 + 1};
  const Params wide = float_params(f1);
  Params wide_exp = wide;
  if (mutant == "exp-taylor-term-dropped") wide_exp.mutant = "taylor-term-dropped";
  RoundOptions narrowing;
  if (mutant == "narrow-truncates") narrowing.mode = RoundingMode::TowardZero;

  // Each part is a block of the same name as on the other side, so that SAT proves the whole part
  // by part (lib/sat/compositional.hpp); fdiv and fmul keep their significand cuts for theirs.
  Circuit c("silu");
  const Bits x = add_float_input(c, "x", f);
  const Bits x1 = float_widen(c, x, f, f1);
  const Bits exp_argument =
      mutant == "exp-of-x" ? x1 : float_widen(c, float_negate(c, x, f), f, f1);
  const Bits y =
      compose_embed(c, exp_construction(wide_exp), {exp_argument}, {.block_cut = "silu/exp"})
          .output("z");
  Bits s = y;
  if (mutant != "one-plus-dropped") {
    const std::vector<bool> one_bits =
        float_to_bits({false, uint64_t{1} << (p1 - 1), 1 - p1}, f1);  // 1 in F1
    Bits one;
    for (bool b : one_bits) one.push_back(b ? kTrue : kFalse);
    s = compose_embed(c, float_add_construction(wide), {one, y}, {.block_cut = "silu/one-plus"})
            .output("z");
  }
  const Bits w =
      compose_embed(c, float_div_construction(wide), {x1, s}, block_with_inner_cuts("silu/div"))
          .output("z");
  add_float_output(c, "z", float_narrow(c, w, f1, f, narrowing), f);
  return c;
}

}  // namespace tc
