// softplus as a composition of threshold constructions (see softplus.hpp).
//
// Depth: exp, the two additions, log, the division and the multiplication run one after the
// other (log and the division in parallel), then the final addition, muxes and the narrowing:
// the sum of constant depths. The size is dominated by log and the thermometer division at p1,
// both exponential in p1 (see their size notes).
#include "circuits/softplus.hpp"

#include <stdexcept>
#include <string>

#include "circuits/exp.hpp"
#include "circuits/float_add.hpp"
#include "circuits/float_blocks.hpp"
#include "circuits/float_div.hpp"
#include "circuits/float_mul.hpp"
#include "circuits/float_resize.hpp"
#include "circuits/int_mutants.hpp"
#include "circuits/log.hpp"
#include "lib/compose.hpp"
#include "lib/float_word.hpp"

namespace tc {

namespace {

constexpr int kGuardBits = 4;
// p1 <= 16: log's and fdiv's thermometers still build in seconds (the spec's kSoftplusMaxP1).
constexpr int kLogMaxP = 16;

Bits constant_word(const std::vector<bool>& bits) {
  Bits word;
  for (bool b : bits) word.push_back(b ? kTrue : kFalse);
  return word;
}

// sel ? a : b, bit by bit.
Bits mux_words(Circuit& c, Signal sel, const Bits& a, const Bits& b) {
  Bits out;
  for (size_t i = 0; i < a.size(); ++i) out.push_back(fb_mux(c, sel, a[i], b[i]));
  return out;
}

}  // namespace

int softplus_construction_p1(int p) {
  if (p < 2 || p + kGuardBits > kLogMaxP)
    throw std::invalid_argument("softplus: p = " + std::to_string(p) + " outside [2, " +
                                std::to_string(kLogMaxP - kGuardBits) + "]");
  return p + kGuardBits;
}

const std::vector<Mutant>& softplus_mutants() {
  static const std::vector<Mutant> mutants = {
      {"log1p-correction-dropped",
       "the naive l = log(1 (+) e^-|x|): no y / (s - 1) factor and no tiny branch, so softplus "
       "of very negative x is 0"},
      {"tiny-branch-dropped",
       "no special case for s = 1: l = log(s) * (y / 0) = 0 where e^x < 2^-p1"},
      {"positive-branch-dropped",
       "x is never added back: z = softplus(-|x|) also for x > 0 (sign handling lost)"},
      {"exp-taylor-term-dropped",
       "the exp block at p1 is exp's own mutant taylor-term-dropped (no r^2 / 2 term)"},
      {"log-ln2-at-p-bits", "the log block at p1 is log's own mutant ln2-at-p-bits"},
      {"log1p-gap-ignored",
       "the error budget of the log1p step takes g(s - 1) = g(e^x) (the factor y / (s - 1) as "
       "an exact correction) and keeps only the roundings",
       true},
  };
  return mutants;
}

Circuit softplus_construction(const Params& params) {
  const FloatFormat f = float_format(params);
  if (f.e != f.p + 1)
    throw std::invalid_argument("softplus: only the default exponent width p + 1");
  const std::string& mutant = params.mutant;
  bool known = mutant.empty();
  for (const Mutant& m : softplus_mutants()) known = known || m.name == mutant;
  if (!known) int_unknown_mutant("softplus", mutant);

  const int p1 = softplus_construction_p1(f.p);
  const FloatFormat f1{p1, p1 + 1};
  const Params wide = float_params(f1);
  Params wide_exp = wide, wide_log = wide;
  if (mutant == "exp-taylor-term-dropped") wide_exp.mutant = "taylor-term-dropped";
  if (mutant == "log-ln2-at-p-bits") wide_log.mutant = "ln2-at-p-bits";
  const Bits one = constant_word(float_to_bits({false, uint64_t{1} << (p1 - 1), 1 - p1}, f1));
  const Bits minus_one = constant_word(float_to_bits({true, uint64_t{1} << (p1 - 1), 1 - p1}, f1));

  // Each part is a block of the same name as on the other side, so that SAT proves the whole part
  // by part (lib/sat/compositional.hpp); fdiv and fmul keep their significand cuts for theirs.
  Circuit c("softplus");
  const Bits x = add_float_input(c, "x", f);
  const FloatBits fields = split_float(x, f);
  const Bits x1 = float_widen(c, x, f, f1);
  const Bits magnitude = join_float({fields.magnitude, fields.exponent, kFalse});  // |x|
  const Bits a = float_widen(c, float_negate(c, magnitude, f), f, f1);
  const Bits y =
      compose_embed(c, exp_construction(wide_exp), {a}, {.block_cut = "softplus/exp"}).output("z");
  const Bits s =
      compose_embed(c, float_add_construction(wide), {one, y}, {.block_cut = "softplus/one-plus"})
          .output("z");
  const Bits ln_s =
      compose_embed(c, log_construction(wide_log), {s}, {.block_cut = "softplus/log"}).output("z");
  Bits l = ln_s;
  if (mutant != "log1p-correction-dropped") {
    const Bits d = compose_embed(c, float_add_construction(wide), {s, minus_one},
                                 {.block_cut = "softplus/minus-one"})
                       .output("z");
    const Bits ratio = compose_embed(c, float_div_construction(wide), {y, d},
                                     block_with_inner_cuts("softplus/ratio"))
                           .output("z");
    const Bits product = compose_embed(c, float_mul_construction(wide), {ln_s, ratio},
                                       block_with_inner_cuts("softplus/product"))
                             .output("z");
    // A valid d is nonzero iff its leading magnitude bit is set.
    l = mutant == "tiny-branch-dropped" ? product : mux_words(c, d[p1 - 1], product, y);
  }
  Bits w = l;
  if (mutant != "positive-branch-dropped") {
    const Bits shifted =
        compose_embed(c, float_add_construction(wide), {x1, l}, {.block_cut = "softplus/shift"})
            .output("z");
    w = mux_words(c, fields.sign, l, shifted);
  }
  add_float_output(c, "z", float_narrow(c, w, f1, f), f);
  return c;
}

}  // namespace tc
