// The discretization as a composition of threshold constructions (see discretize.hpp).
//
// Depth: per state i, widen (2), z = D A (fmul 7), then exp (19) and narrow (4) for Abar, and
// phi (max(exp 19 + fadd 8 + fdiv 11, 3 (fmul 7 + fadd 8)) + mux 2), fmul (7) twice and the
// narrowing for Bbar. The N states are built side by side, so the depth depends neither on N
// nor on p (71 layers, 30 with euler; tests check p = 2..6 and N = 1..4); the size grows
// linearly in N and exponentially in p (fdiv's thermometer at p1). Abar's exp and phi's exp
// read the same z, so structural hashing keeps one copy of them.
#include "circuits/discretize.hpp"

#include <fmt/core.h>

#include <stdexcept>
#include <string>

#include "circuits/exp.hpp"
#include "circuits/expm1_ratio.hpp"
#include "circuits/float_mul.hpp"
#include "circuits/float_resize.hpp"
#include "circuits/int_mutants.hpp"
#include "lib/compose.hpp"
#include "lib/float_word.hpp"

namespace tc {

int discretize_construction_p1(int p) {
  constexpr int kGuardBits = 4;
  if (p < 2 || p + kGuardBits > 16)
    throw std::invalid_argument("discretize: p = " + std::to_string(p) + " outside [2, " +
                                std::to_string(16 - kGuardBits) + "]");
  return p + kGuardBits;
}

const std::vector<Mutant>& discretize_mutants() {
  static const std::vector<Mutant> mutants = {
      {"bbar-uses-exp",
       "Bbar computed with e^z instead of e^z - 1 (phi's quotient branch divides e^z by z)"},
      {"exp-sign-dropped", "Abar = exp(-Delta a): the sign of exp's argument is lost"},
      {"delta-not-applied-to-b", "Bbar = phi(Delta a) b, the factor Delta forgotten"},
      {"phi-series-wrong", "phi's series uses e^z's coefficient 1/2 for z^2 instead of 1/3! = 1/6"},
      {"cancellation-ignored",
       "the error budget of phi's quotient branch counts exp's error E once, as if e^z - 1 "
       "inherited e^z's relative error (no factor e^z / |e^z - 1|, about 2^t)",
       true},
  };
  return mutants;
}

Circuit discretize_construction(const Params& params) {
  const FloatFormat f = float_format(params);
  if (f.e != f.p + 1) throw std::invalid_argument("discretize: only the exponent width p + 1");
  if (params.N < 1 || params.N > 16)
    throw std::invalid_argument("discretize: N = " + std::to_string(params.N) + " outside [1, 16]");
  const std::string& mutant = params.mutant;
  bool known = mutant.empty();
  for (const Mutant& m : discretize_mutants()) known = known || m.name == mutant;
  if (!known) int_unknown_mutant("discretize", mutant);
  const int p1 = discretize_construction_p1(f.p), N = params.N;
  const bool euler = params.flag("euler");
  const FloatFormat f1{p1, p1 + 1};
  const Params wide = float_params(f1);
  Params wide_phi = wide;
  if (mutant == "bbar-uses-exp") wide_phi.mutant = "minus-one-dropped";
  if (mutant == "phi-series-wrong") wide_phi.mutant = "series-coefficient-wrong";
  const Circuit mul1 = float_mul_construction(wide), exp1 = exp_construction(wide);
  const Circuit phi1 = expm1_ratio_construction(wide_phi);
  const Circuit mul = float_mul_construction(float_params(f));
  // A leaf block; its own cuts are re-declared under the block's name for the block proof.
  auto block = [](const std::string& role, int i) {
    return ComposeOptions{.cut_prefix = fmt::format("discretize/{}-{}/", role, i),
                          .block_cut = fmt::format("discretize/{}-{}", role, i)};
  };

  Circuit c("discretize");
  const Bits delta = add_float_input(c, "delta", f);
  std::vector<Bits> a, b;
  for (int i = 0; i < N; ++i) a.push_back(add_float_input(c, fmt::format("a{}", i), f));
  for (int i = 0; i < N; ++i) b.push_back(add_float_input(c, fmt::format("b{}", i), f));
  const Bits D = float_widen(c, delta, f, f1);
  std::vector<Bits> abar, bbar;
  for (int i = 0; i < N; ++i) {
    const Bits z =
        compose_embed(c, mul1, {D, float_widen(c, a[i], f, f1)}, block("z", i)).output("z");
    const Bits exp_argument = mutant == "exp-sign-dropped" ? float_negate(c, z, f1) : z;
    const Bits y = compose_embed(c, exp1, {exp_argument}, block("exp", i)).output("z");
    abar.push_back(float_narrow(c, y, f1, f));
    if (euler) {
      bbar.push_back(compose_embed(c, mul, {delta, b[i]}, block("euler", i)).output("z"));
      continue;
    }
    const Bits phi =
        compose_embed(c, phi1, {z}, {.cut_prefix = fmt::format("discretize/phi-{}/", i)})
            .output("phi");
    const Bits t = mutant == "delta-not-applied-to-b"
                       ? phi
                       : compose_embed(c, mul1, {D, phi}, block("delta-phi", i)).output("z");
    const Bits w =
        compose_embed(c, mul1, {t, float_widen(c, b[i], f, f1)}, block("bbar", i)).output("z");
    bbar.push_back(float_narrow(c, w, f1, f));
  }
  for (int i = 0; i < N; ++i) add_float_output(c, fmt::format("Abar{}", i), abar[i], f);
  for (int i = 0; i < N; ++i) add_float_output(c, fmt::format("Bbar{}", i), bbar[i], f);
  return c;
}

}  // namespace tc
