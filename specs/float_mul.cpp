// Spec of float multiplication: the exact product, rounded once by float_round.
//
// x * y = (m_x * m_y) * 2^(e_x + e_y) exactly: a 2p-bit schoolbook product and an (e+1)-bit
// exponent sum, no sticky bit. float_round normalizes (the product has 2p or 2p - 1 significant
// bits), rounds to nearest-even, saturates and handles underflow; a zero operand gives N = 0 and
// hence the canonical zero.
#include "specs/float_mul.hpp"

#include "lib/float_word.hpp"
#include "specs/float_bits.hpp"
#include "specs/float_round.hpp"

namespace tc {

Circuit build_float_mul_spec(const Params& params) {
  const FloatFormat f = float_format(params);
  Circuit c("float-mul-spec");
  const FloatBits x = split_float(add_float_input(c, "x", f), f);
  const FloatBits y = split_float(add_float_input(c, "y", f), f);
  Bits exponent =
      bits_add(c, bits_sign_extend(x.exponent, f.e + 1), bits_sign_extend(y.exponent, f.e + 1));
  exponent.pop_back();  // the sum of two e-bit numbers fits e + 1 bits
  const Bits product = bits_mul(c, x.magnitude, y.magnitude);
  // Named so that a construction computing the same 2p-bit product of the raw magnitudes can
  // share it in the miter once the two multipliers are proved equal (lib/sat/cut_points.hpp).
  Bits cut_inputs = x.magnitude;
  cut_inputs.insert(cut_inputs.end(), y.magnitude.begin(), y.magnitude.end());
  // Claimed on zero or normalized significands (every valid word's), as fdiv's cut is.
  c.add_cut("significand-product", cut_inputs, product,
            all_zero_or_normalized(c, {x.magnitude, y.magnitude}));
  const UnroundedFloat exact{c.create_xor(x.sign, y.sign), product, exponent, kFalse};
  add_float_output(c, "z", float_round(c, exact, f), f);
  return c;
}

}  // namespace tc
