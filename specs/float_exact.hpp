// The exact reference evaluator for Chiang floats, on GMP rationals.
//
// Every operation computes the exact rational result and rounds it once with round_to_float
// (REFERENCE.md section 1). It is the oracle the bit-level float specs are cross-checked against,
// so it is written for obviousness, not speed. Decisions the paper leaves open, fixed here:
//  - round_to_float(x) is the element of F_p nearest to x, read literally over the finite set:
//    ties go to the even significand; |x| > max saturates to +-max = (2^p - 1) * 2^emax (also
//    when the tie rule would pick 2^p * 2^emax, which is not in F_p); 0 < |x| < min =
//    2^(p-1) * 2^emin goes to 0 or +-min, whichever is nearer, and the tie |x| = min / 2 goes to
//    0 (both significands are even there; we pick 0, the choice that keeps "round to zero" for
//    all |x| <= min / 2). A zero result is always the canonical zero (no -0).
//  - exact_div(x, 0) is the canonical zero with div_by_zero = 1; otherwise div_by_zero = 0.
//  - exact_floor(x) = round_to_float(floor(x)), a float again (an integer word would need about
//    2^(e-1) + p bits). The rounding never changes anything: floor(x) is in F_p for every valid
//    x of every format. For x = m * 2^k with k >= 0, x is an integer. For k < 0, n = floor(x) has
//    |n| <= 2^(p-1), so n = m' * 2^k' with k' = bitlen(|n|) - p <= 0 <= emax; and k' >= emin
//    either because emin <= -(p - 1), or else because min = 2^(p-1+emin) >= 1 is an integer and
//    |n| >= min (x >= min gives floor(x) >= min; x <= -min gives |floor(x)| >= |x|).
//    tests/specs/float_exact.cpp checks this claim over every input of many small formats.
//  - exact_le / exact_eq compare the exact values (no rounding).
#pragma once

#include <gmpxx.h>

#include <vector>

#include "lib/float_word.hpp"

namespace tc {

mpq_class value(FloatValue v);
FloatValue float_max(FloatFormat f);  // (2^p - 1) * 2^emax
FloatValue float_min(FloatFormat f);  // 2^(p-1) * 2^emin, the smallest positive value

FloatValue round_to_float(const mpq_class& x, FloatFormat f);

FloatValue exact_add(FloatValue x, FloatValue y, FloatFormat f);
FloatValue exact_mul(FloatValue x, FloatValue y, FloatFormat f);

struct DivResult {
  FloatValue z;              // round(x / y); canonical zero when y = 0
  bool div_by_zero = false;  // y = 0
  bool operator==(const DivResult&) const = default;
};
DivResult exact_div(FloatValue x, FloatValue y, FloatFormat f);

bool exact_le(FloatValue x, FloatValue y);
bool exact_eq(FloatValue x, FloatValue y);
FloatValue exact_floor(FloatValue x, FloatFormat f);

// Every valid encoding: the canonical zero first, then by sign, exponent and magnitude.
// 1 + 2^(p+e) values (513 at p = 4, e = 5).
std::vector<FloatValue> all_float_values(FloatFormat f);

}  // namespace tc
