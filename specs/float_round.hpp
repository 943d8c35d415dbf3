// Round once and pack: the last stage of every float spec (add, mul, div, floor).
//
// A spec first computes its result exactly, as an unsigned integer N, an exponent E and a sign,
// or, where exactness would be too wide (far operands in addition, the remainder of a division),
// with a sticky bit standing for a nonzero fraction below N. float_round then applies
// round_to_float of specs/float_exact.hpp at the bit level: normalize N, keep p bits, round to
// nearest with ties to the even significand, saturate above max, and send results below min to
// 0 or min (the tie min / 2 to 0). It is the one place where rounding is specified, so the bit
// specs inherit the evaluator's decisions rather than restating them.
#pragma once

#include "lib/float_word.hpp"

namespace tc {

// |result| = (N + f) * 2^E with f = 0 when !sticky and 0 < f < 1 when sticky.
// Precondition for sticky = 1: N >= 2^p, so at least one bit of N lies below the kept p bits and
// f can never decide a tie. Otherwise N = 0 means a zero result.
struct UnroundedFloat {
  Signal sign;    // sign of the exact result (ignored when it is zero)
  Bits n;         // N, unsigned, any width >= 1
  Bits exponent;  // E, two's complement, any width >= 1
  Signal sticky = kFalse;
};

// The float word nearest to the value (see specs/float_exact.hpp for the edge cases).
Bits float_round(Circuit& c, const UnroundedFloat& x, FloatFormat f);

}  // namespace tc
