// The bit-level spec of the discretization: specs/float_resize, build_float_mul_spec,
// build_exp_spec and build_expm1_ratio_spec at p1, composed as discretize.hpp says.
#include "specs/discretize.hpp"

#include <fmt/core.h>

#include <stdexcept>
#include <string>

#include "lib/compose.hpp"
#include "specs/exp.hpp"
#include "specs/expm1_ratio.hpp"
#include "specs/float_mul.hpp"
#include "specs/float_resize.hpp"

namespace tc {

DiscretizeDesign discretize_design(const Params& params) {
  const FloatFormat f = float_format(params);
  if (f.e != f.p + 1) throw std::invalid_argument("discretize: only the exponent width p + 1");
  if (f.p < 2 || f.p + kDiscretizeGuardBits > 16)
    throw std::invalid_argument("discretize: p = " + std::to_string(f.p) + " outside [2, " +
                                std::to_string(16 - kDiscretizeGuardBits) + "]");
  if (params.N < 1 || params.N > 16)
    throw std::invalid_argument("discretize: N = " + std::to_string(params.N) + " outside [1, 16]");
  return {f.p, f.p + kDiscretizeGuardBits, params.N, params.flag("euler")};
}

Circuit build_discretize_spec(const Params& params) {
  const DiscretizeDesign d = discretize_design(params);
  const FloatFormat f = d.narrow(), f1 = d.wide();
  const Params wide = float_params(f1);
  const Circuit mul1 = build_float_mul_spec(wide), exp1 = build_exp_spec(wide);
  const Circuit phi1 = build_expm1_ratio_spec(wide), mul = build_float_mul_spec(float_params(f));
  // A leaf block; its own cuts are re-declared under the block's name for the block proof.
  auto block = [](const std::string& role, int i) {
    return ComposeOptions{.cut_prefix = fmt::format("discretize/{}-{}/", role, i),
                          .block_cut = fmt::format("discretize/{}-{}", role, i)};
  };

  Circuit c("discretize-spec");
  const Bits delta = add_float_input(c, "delta", f);
  std::vector<Bits> a, b;
  for (int i = 0; i < d.N; ++i) a.push_back(add_float_input(c, fmt::format("a{}", i), f));
  for (int i = 0; i < d.N; ++i) b.push_back(add_float_input(c, fmt::format("b{}", i), f));
  const Bits D = spec_float_widen(c, delta, f, f1);
  std::vector<Bits> abar, bbar;
  for (int i = 0; i < d.N; ++i) {
    const Bits z =
        compose_embed(c, mul1, {D, spec_float_widen(c, a[i], f, f1)}, block("z", i)).output("z");
    const Bits y = compose_embed(c, exp1, {z}, block("exp", i)).output("z");
    abar.push_back(spec_float_narrow(c, y, f1, f));
    if (d.euler) {
      bbar.push_back(compose_embed(c, mul, {delta, b[i]}, block("euler", i)).output("z"));
      continue;
    }
    const Bits phi =
        compose_embed(c, phi1, {z}, {.cut_prefix = fmt::format("discretize/phi-{}/", i)})
            .output("phi");
    const Bits t = compose_embed(c, mul1, {D, phi}, block("delta-phi", i)).output("z");
    const Bits w =
        compose_embed(c, mul1, {t, spec_float_widen(c, b[i], f, f1)}, block("bbar", i)).output("z");
    bbar.push_back(spec_float_narrow(c, w, f1, f));
  }
  for (int i = 0; i < d.N; ++i) add_float_output(c, fmt::format("Abar{}", i), abar[i], f);
  for (int i = 0; i < d.N; ++i) add_float_output(c, fmt::format("Bbar{}", i), bbar[i], f);
  return c;
}

}  // namespace tc
