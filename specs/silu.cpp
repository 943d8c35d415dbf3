// The bit-level spec of silu: the composition of specs/float_resize, build_exp_spec,
// build_float_add_spec and build_float_div_spec at p1 (see silu.hpp).
#include "specs/silu.hpp"

#include <stdexcept>
#include <string>

#include "lib/compose.hpp"
#include "specs/exp.hpp"
#include "specs/float_add.hpp"
#include "specs/float_div.hpp"
#include "specs/float_resize.hpp"

namespace tc {

SiluDesign silu_design(int p) {
  if (p < 2 || p + kSiluGuardBits > 16)
    throw std::invalid_argument("silu: p = " + std::to_string(p) + " outside [2, " +
                                std::to_string(16 - kSiluGuardBits) + "]");
  return {p, p + kSiluGuardBits};
}

Circuit build_silu_spec(const Params& params) {
  const FloatFormat f = float_format(params);
  if (f.e != f.p + 1) throw std::invalid_argument("silu: only the default exponent width p + 1");
  const SiluDesign d = silu_design(f.p);
  const FloatFormat f1 = d.wide();
  const Params wide = float_params(f1);
  // Each part is a block of the same name as on the other side, so that SAT proves the whole part
  // by part (lib/sat/compositional.hpp); fdiv and fmul keep their significand cuts for theirs.
  Circuit c("silu-spec");
  const Bits x = add_float_input(c, "x", f);

  const Bits x1 = spec_float_widen(c, x, f, f1);
  const Bits minus_x1 = spec_float_widen(c, spec_float_negate(c, x, f), f, f1);
  const Bits y =
      compose_embed(c, build_exp_spec(wide), {minus_x1}, {.block_cut = "silu/exp"}).output("z");
  // The constant 1 = 2^(p1-1) 2^-(p1-1) in F1.
  const std::vector<bool> one_bits =
      float_to_bits({false, uint64_t{1} << (d.p1 - 1), 1 - d.p1}, f1);
  Bits one;
  for (bool b : one_bits) one.push_back(b ? kTrue : kFalse);
  const Bits s =
      compose_embed(c, build_float_add_spec(wide), {one, y}, {.block_cut = "silu/one-plus"})
          .output("z");
  const Bits w =
      compose_embed(c, build_float_div_spec(wide), {x1, s}, block_with_inner_cuts("silu/div"))
          .output("z");
  add_float_output(c, "z", spec_float_narrow(c, w, f1, f), f);
  return c;
}

}  // namespace tc
