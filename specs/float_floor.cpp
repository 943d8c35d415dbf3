// Spec of float floor: the exact integer floor(x), packed as a float by float_round.
//
// The output is a float, not an integer word: floor of (2^p - 1) * 2^emax would need about
// 2^p bits. For x = m * 2^k: k >= 0 means x is already an integer (z = x); for k < 0 with
// j = -k, floor(x) = m >> j when x >= 0 and -ceil(m / 2^j) = -((m >> j) + [bits shifted out])
// when x < 0. That integer is at most 2^(p-1) in magnitude and float_round packs it; it is
// always in F_p (the argument is in specs/float_exact.hpp), so the rounding is exact. Shifts of
// j >= p clear m, so j is clamped to p.
#include "specs/float_floor.hpp"

#include <algorithm>

#include "lib/float_word.hpp"
#include "specs/float_bits.hpp"
#include "specs/float_round.hpp"

namespace tc {

Circuit build_float_floor_spec(const Params& params) {
  const FloatFormat f = float_format(params);
  const int p = f.p, e = f.e;
  Circuit c("float-floor-spec");
  const Bits xw = add_float_input(c, "x", f);
  const FloatBits x = split_float(xw, f);
  const Signal x_zero = !bits_any(c, x.magnitude);
  const Signal fractional = x.exponent.back();  // k < 0

  // j = -k in [1, 2^(e-1)] when k < 0 (irrelevant otherwise), clamped to p.
  const int shift_bits = bits_width_of(p);
  const int jw = std::max(e + 1, shift_bits + 1);
  const Bits j = bits_zero_extend(
      bits_sub(c, bits_constant(0, e + 1), bits_sign_extend(x.exponent, e + 1)), jw);
  const Signal all_out = !bits_less(c, j, bits_constant(p, jw));
  const Bits shift =
      bits_mux(c, all_out, bits_constant(p, shift_bits), bits_slice(j, 0, shift_bits));
  Signal dropped;
  const Bits whole = bits_shift_right_sticky(c, x.magnitude, shift, &dropped);
  // |floor(x)|: truncation for x >= 0, one more when x < 0 and a fraction was dropped.
  const Bits n = bits_add(c, whole, bits_constant(0, p), c.create_and(x.sign, dropped));
  const Bits rounded = float_round(c, {x.sign, n, bits_constant(0, 2), kFalse}, f);

  add_float_output(c, "z", bits_mux(c, c.create_and(fractional, !x_zero), rounded, xw), f);
  return c;
}

}  // namespace tc
