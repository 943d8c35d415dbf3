// The bit-level spec of softplus: the composition of specs/float_resize, build_exp_spec,
// build_log_spec, build_float_add_spec, build_float_mul_spec and build_float_div_spec at p1,
// joined by plain muxes (see softplus.hpp).
#include "specs/softplus.hpp"

#include <stdexcept>
#include <string>

#include "lib/compose.hpp"
#include "specs/exp.hpp"
#include "specs/float_add.hpp"
#include "specs/float_bits.hpp"
#include "specs/float_div.hpp"
#include "specs/float_mul.hpp"
#include "specs/float_resize.hpp"
#include "specs/log.hpp"

namespace tc {

namespace {

// +-1 in F1 as a constant word.
Bits unit_word(const FloatFormat& f1, bool negative) {
  Bits word;
  for (bool b : float_to_bits({negative, uint64_t{1} << (f1.p - 1), 1 - f1.p}, f1))
    word.push_back(b ? kTrue : kFalse);
  return word;
}

}  // namespace

SoftplusDesign softplus_design(int p) {
  if (p < 2 || p + kSoftplusGuardBits > kSoftplusMaxP1)
    throw std::invalid_argument("softplus: p = " + std::to_string(p) + " outside [2, " +
                                std::to_string(kSoftplusMaxP1 - kSoftplusGuardBits) + "]");
  return {p, p + kSoftplusGuardBits};
}

Circuit build_softplus_spec(const Params& params) {
  const FloatFormat f = float_format(params);
  if (f.e != f.p + 1)
    throw std::invalid_argument("softplus: only the default exponent width p + 1");
  const SoftplusDesign d = softplus_design(f.p);
  const FloatFormat f1 = d.wide();
  const Params wide = float_params(f1);
  // Each part is a block of the same name as on the other side, so that SAT proves the whole part
  // by part (lib/sat/compositional.hpp); fdiv and fmul keep their significand cuts for theirs.
  Circuit c("softplus-spec");
  const Bits x = add_float_input(c, "x", f);
  const Signal negative = x.back();  // the sign bit

  Bits magnitude = x;
  magnitude.back() = kFalse;  // |x|
  const Bits x1 = spec_float_widen(c, x, f, f1);
  const Bits a = spec_float_widen(c, spec_float_negate(c, magnitude, f), f, f1);
  const Bits y =
      compose_embed(c, build_exp_spec(wide), {a}, {.block_cut = "softplus/exp"}).output("z");
  const Circuit add = build_float_add_spec(wide);
  const Bits s =
      compose_embed(c, add, {unit_word(f1, false), y}, {.block_cut = "softplus/one-plus"})
          .output("z");
  const Bits dd =
      compose_embed(c, add, {s, unit_word(f1, true)}, {.block_cut = "softplus/minus-one"})
          .output("z");
  const Bits ln_s =
      compose_embed(c, build_log_spec(wide), {s}, {.block_cut = "softplus/log"}).output("z");
  const Bits ratio =
      compose_embed(c, build_float_div_spec(wide), {y, dd}, block_with_inner_cuts("softplus/ratio"))
          .output("z");
  const Bits product = compose_embed(c, build_float_mul_spec(wide), {ln_s, ratio},
                                     block_with_inner_cuts("softplus/product"))
                           .output("z");
  const Bits l = bits_mux(c, bits_any(c, dd), product, y);
  const Bits shifted = compose_embed(c, add, {x1, l}, {.block_cut = "softplus/shift"}).output("z");
  const Bits w = bits_mux(c, negative, l, shifted);
  add_float_output(c, "z", spec_float_narrow(c, w, f1, f), f);
  return c;
}

}  // namespace tc
