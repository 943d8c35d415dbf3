// Round once and pack (see float_round.hpp).
//
// Bit-level transcription of round_to_float (specs/float_exact.cpp): normalize, split into kept
// significand, round bit and sticky, round to nearest-even, renormalize on carry-out, then pick
// among the saturated, underflowed, zero and ordinary results. Exponent arithmetic is done in a
// word wide enough for every intermediate, so comparisons with emin and emax are plain signed
// comparisons.
#include "specs/float_round.hpp"

#include <algorithm>
#include <stdexcept>

#include "specs/float_bits.hpp"

namespace tc {

Bits float_round(Circuit& c, const UnroundedFloat& x, FloatFormat f) {
  const int p = f.p;
  const int w = static_cast<int>(x.n.size());
  if (w < 1 || x.exponent.empty()) throw std::invalid_argument("float_round: empty word");

  // Normalize: the leading one of N moves to bit w - 1. Then |result| is in
  // [2^T, 2^(T+1)) with T = E + w - 1 - lz, and its natural float exponent is k = T - (p - 1).
  Bits lz;
  const Bits norm = bits_normalize(c, x.n, &lz);
  const Signal nonzero = bits_any(c, x.n);

  // Kept significand m, round bit r, sticky st. Padding with zeros below is exact because a
  // short N carries no sticky (precondition).
  Bits padded = norm;
  if (w < p + 1) padded = bits_concat(bits_constant(0, p + 1 - w), norm);
  const int wp = static_cast<int>(padded.size());
  const Bits m = bits_slice(padded, wp - p, wp);
  const Signal r = padded[wp - p - 1];
  const Signal st = c.create_or(bits_any(c, bits_slice(padded, 0, wp - p - 1)), x.sticky);
  const Signal up = c.create_and(r, c.create_or(st, m[0]));  // nearest, ties to even
  const Bits inc = bits_add(c, m, bits_constant(0, p), up);
  const Signal carry = inc[p];
  // m + 1 = 2^p: the significand becomes 2^(p-1) (inc's low p bits are then all 0).
  Bits rounded = bits_slice(inc, 0, p);
  rounded[p - 1] = c.create_or(rounded[p - 1], carry);

  // Exponent arithmetic, wide enough that nothing below can overflow.
  const int ew = static_cast<int>(x.exponent.size());
  const int xw = std::max(ew, f.e + 1) + bits_width_of(w + p) + 2;
  // k = E + (w - p) - lz, and k1 = k + carry after rounding into the next binade.
  Bits k = bits_add(c, bits_sign_extend(x.exponent, xw), bits_constant(w - p, xw));
  k.pop_back();
  k = bits_sub(c, k, bits_zero_extend(lz, xw));
  Bits k1 = bits_add(c, k, bits_constant(0, xw), carry);
  k1.pop_back();

  const Signal overflow = bits_less_signed(c, bits_constant(f.emax(), xw), k1);
  const Signal underflow = bits_less_signed(c, k, bits_constant(f.emin(), xw));
  // Below min only 0 and min are candidates; min wins iff |result| > min / 2 = 2^(emin+p-2),
  // i.e. T = emin + p - 2 (k = emin - 1) and the value is not exactly the power of two 2^T.
  const Signal half_min = bits_equal(c, k, bits_constant(f.emin() - 1, xw));
  const Signal above_half = c.create_or(bits_any(c, bits_slice(norm, 0, w - 1)), x.sticky);
  const Signal to_min = c.create_and({underflow, half_min, above_half});
  const Signal zero = c.create_or(!nonzero, c.create_and(underflow, !to_min));

  Bits magnitude = bits_mux(c, overflow, bits_constant(-1, p), rounded);
  Bits exponent = bits_mux(c, overflow, bits_constant(f.emax(), f.e), bits_slice(k1, 0, f.e));
  magnitude = bits_mux(c, to_min, bits_constant(int64_t{1} << (p - 1), p), magnitude);
  exponent = bits_mux(c, to_min, bits_constant(f.emin(), f.e), exponent);
  magnitude = bits_mux(c, zero, bits_constant(0, p), magnitude);
  exponent = bits_mux(c, zero, bits_constant(0, f.e), exponent);
  return join_float({magnitude, exponent, c.create_and(x.sign, !zero)});
}

}  // namespace tc
