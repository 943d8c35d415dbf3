// Spec of float division: restoring long division to p + 2 quotient bits plus a sticky
// remainder bit, rounded once by float_round.
//
// For nonzero operands Q = floor(m_x * 2^(p+1) / m_y) and R = the remainder satisfy
// x / y = (Q + R / m_y) * 2^(e_x - e_y - p - 1) with 0 <= R / m_y < 1, so the sticky bit is
// [R != 0]. Since m_x / m_y > 1/2, Q >= 2^p: float_round's sticky precondition holds, and the
// p + 2 quotient bits (Q < 2^(p+2) since m_x / m_y < 2) leave at least one bit below the kept p.
// The long division is the textbook one: partial remainder r starts at m_x (< 2 m_y), and each
// of the p + 2 steps sets q_i = [r >= m_y], subtracts when set, then doubles r (r < m_y before
// doubling, so p + 1 bits suffice). Division by zero is defined (specs/float_exact.hpp): z is
// the canonical zero and div_by_zero = 1. x = 0 gives Q = R = 0 and hence the canonical zero.
// (Exact ties cannot occur above min: a quotient of two p-bit significands never has exactly
// p + 1 significant bits ending in 1, so here the sticky bit only separates "exact" from "not".)
#include "specs/float_div.hpp"

#include <algorithm>

#include "lib/float_word.hpp"
#include "specs/float_bits.hpp"
#include "specs/float_round.hpp"

namespace tc {

Circuit build_float_div_spec(const Params& params) {
  const FloatFormat f = float_format(params);
  const int p = f.p, e = f.e;
  Circuit c("float-div-spec");
  const FloatBits x = split_float(add_float_input(c, "x", f), f);
  const FloatBits y = split_float(add_float_input(c, "y", f), f);
  const Signal y_zero = !bits_any(c, y.magnitude);

  const Bits divisor = bits_zero_extend(y.magnitude, p + 1);
  Bits r = bits_zero_extend(x.magnitude, p + 1);
  Bits q(p + 2, kFalse);
  for (int i = p + 1; i >= 0; --i) {
    const Signal fits = !bits_less(c, r, divisor);
    q[i] = fits;
    r = bits_mux(c, fits, bits_sub(c, r, divisor), r);
    if (i > 0) r = bits_concat({kFalse}, bits_slice(r, 0, p));  // r < m_y < 2^p, so 2r fits
  }

  // Named for the miter (lib/sat/cut_points.hpp): a construction computing the same quotient and
  // remainder-sticky bit of zero or normalized significands (every valid word's) can share it
  // once both are proved equal. With m_y = 0 every step fits: Q = 2^(p+2) - 1 and the remainder
  // is shifted out, so the sticky is 0.
  Bits cut_inputs = x.magnitude, cut_outputs = q;
  cut_inputs.insert(cut_inputs.end(), y.magnitude.begin(), y.magnitude.end());
  const Signal sticky = bits_any(c, r);
  cut_outputs.push_back(sticky);
  c.add_cut("significand-quotient", cut_inputs, cut_outputs,
            all_zero_or_normalized(c, {x.magnitude, y.magnitude}));

  // E = e_x - e_y - (p + 1).
  const int ew = std::max(e + 1, bits_width_of(p + 1) + 1) + 1;
  const Bits exponent =
      bits_sub(c, bits_sub(c, bits_sign_extend(x.exponent, ew), bits_sign_extend(y.exponent, ew)),
               bits_constant(p + 1, ew));
  const Bits rounded = float_round(c, {c.create_xor(x.sign, y.sign), q, exponent, sticky}, f);
  add_float_output(c, "z", bits_mux(c, y_zero, bits_constant(0, f.width()), rounded), f);
  c.add_output_word("div_by_zero", {y_zero}, Decoding::boolean());
  return c;
}

}  // namespace tc
