// Spec of float addition: the exact sum x + y, rounded once by float_round.
//
// Plain schoolbook structure: order the operands by magnitude (a >= b), align b to a, add or
// subtract the significands, round. Exact alignment over the whole exponent range would need
// 2^e + p bits (over 500 at p = 8), so b is aligned with G = p + 2 guard bits below a's last
// significand bit and whatever falls off is summarized in a sticky bit s.
//
// Why that is exact enough: with A = m_a * 2^G and B = m_b * 2^(G - d) (d = e_a - e_b >= 0),
// B is an integer, and s = 0, whenever d <= G, so the sum is computed exactly there,
// cancellation included. When d > G, B < 2^(p-1) while A >= 2^(p+G-1), so the value is
// A + B = (A + floor B) + f or A - B = (A - floor B - 1) + (1 - f) with 0 < f < 1: an integer N
// plus a fraction strictly inside (0, 1), and N >= 2^(p+G-1) - 2^(p-1) - 1 >= 2^p. That is
// float_round's sticky precondition (at least one bit of N is dropped, so the fraction can only
// break ties the right way). The argument needs only G >= 2; G = p + 2 keeps every exponent
// difference up to p + 2 exact. Zero operands bypass all of this: x + 0 = x, already in F_p.
// The cross-check against specs/float_exact.hpp (tests/specs/float_add.cpp) carries the trust.
#include "specs/float_add.hpp"

#include <algorithm>

#include "lib/float_word.hpp"
#include "specs/float_bits.hpp"
#include "specs/float_round.hpp"

namespace tc {

namespace {

// Orders nonzero floats by magnitude: exponent (biased to unsigned by flipping its sign bit),
// then significand. Valid only for normalized significands.
Bits magnitude_key(const FloatBits& x) {
  Bits biased = x.exponent;
  biased.back() = !biased.back();
  return bits_concat(x.magnitude, biased);
}

FloatBits mux_fields(Circuit& c, Signal sel, const FloatBits& a, const FloatBits& b) {
  return {bits_mux(c, sel, a.magnitude, b.magnitude), bits_mux(c, sel, a.exponent, b.exponent),
          c.create_mux(sel, a.sign, b.sign)};
}

}  // namespace

Circuit build_float_add_spec(const Params& params) {
  const FloatFormat f = float_format(params);
  const int p = f.p, e = f.e;
  Circuit c("float-add-spec");
  const Bits xw = add_float_input(c, "x", f);
  const Bits yw = add_float_input(c, "y", f);
  const FloatBits x = split_float(xw, f), y = split_float(yw, f);
  const Signal x_zero = !bits_any(c, x.magnitude);
  const Signal y_zero = !bits_any(c, y.magnitude);

  // a is the operand of larger magnitude, b the other.
  const Signal swap = bits_less(c, magnitude_key(x), magnitude_key(y));
  // Named for the miter (lib/sat/cut_points.hpp): "is |y| the larger", from the raw fields.
  Bits order_inputs;
  for (const Bits* w : {&x.magnitude, &x.exponent, &y.magnitude, &y.exponent})
    order_inputs.insert(order_inputs.end(), w->begin(), w->end());
  c.add_cut("magnitude-order", order_inputs, {swap});
  const FloatBits a = mux_fields(c, swap, y, x);
  const FloatBits b = mux_fields(c, swap, x, y);

  // d = e_a - e_b >= 0, clamped to limit = p + G: shifting m_b * 2^G by that much clears it.
  const int guard = p + 2;
  const int limit = p + guard;
  const int limit_bits = bits_width_of(limit);
  const int dw = std::max(e + 1, limit_bits + 1);
  const Bits d = bits_zero_extend(
      bits_sub(c, bits_sign_extend(a.exponent, e + 1), bits_sign_extend(b.exponent, e + 1)), dw);
  const Signal far = !bits_less(c, d, bits_constant(limit, dw));
  const Bits shift =
      bits_mux(c, far, bits_constant(limit, limit_bits), bits_slice(d, 0, limit_bits));

  const Bits big = bits_concat(bits_constant(0, guard), a.magnitude);  // A = m_a * 2^G
  Signal sticky;
  const Bits small = bits_shift_right_sticky(c, bits_concat(bits_constant(0, guard), b.magnitude),
                                             shift, &sticky);  // floor(B)
  const Bits sum = bits_add(c, big, small);
  // A - floor(B) - s = A + ~floor(B) + 1 - s; nonnegative since A >= B.
  Bits diff = bits_add(c, big, bits_not(small), !sticky);
  diff.back() = kFalse;
  const Signal subtract = c.create_xor(a.sign, b.sign);
  // A proof hint, not a step of the spec: the miter proves z once per alignment, shift and
  // operation (2^6 cases, 38 reached at p = 8), from the widest shift down. Each case is an adder
  // of fixed alignment against the construction's case for that exponent difference, and the far
  // cases' clauses help the near ones: fadd p = 8 / 12 / 16 in 7.8 / 26 / 75 s instead of
  // 11.5 / 37 / 113 s (README, "Proving fast").
  Bits alignment{subtract};
  alignment.insert(alignment.end(), shift.begin(), shift.end());
  c.add_case_split("alignment", alignment);

  // E = e_a - G.
  const int ew = std::max(e, bits_width_of(guard) + 1) + 1;
  const Bits exponent = bits_sub(c, bits_sign_extend(a.exponent, ew), bits_constant(guard, ew));
  const Bits rounded =
      float_round(c, {a.sign, bits_mux(c, subtract, diff, sum), exponent, sticky}, f);

  const Bits z = bits_mux(c, x_zero, yw, bits_mux(c, y_zero, xw, rounded));
  add_float_output(c, "z", z, f);
  return c;
}

}  // namespace tc
