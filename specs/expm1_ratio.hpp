// phi(z) = (e^z - 1) / z, phi(0) = 1: the algorithm, its design constants, and its bit-level spec
// as a composition of the float specs (the factor of the zero-order hold, specs/discretize.hpp).
//
// Subtracting 1 from e^z cancels for small |z|: exp's relative error E becomes E e^z / |e^z - 1|,
// about E / |z|. So the algorithm works in one format (q, q + 1) and splits at |z| = 2^-t:
//   |z| >= 2^-t  (quotient)  y = exp_q(z)   d = round_q(y - 1)   phi = round_q(d / z)
//   |z| <  2^-t  (series)    Horner on 1 + z/2 + z^2/6 + z^3/24, every step rounded to q:
//                m1 = z (*) c3   a1 = m1 (+) c2   m2 = z (*) a1   a2 = m2 (+) 1/2
//                m3 = z (*) a2   phi = m3 (+) 1        c2 = round_q(1/6), c3 = round_q(1/24)
// (z = 0 takes the series and gives exactly 1.) The degree is fixed, so the depth does not
// depend on q; t is the least t >= 1 whose truncation error (33/20) 2^-4t / 5! is at most
// 2^-(q+2), so the series branch is within a few units of 2^-q and the quotient branch within
// about E 2^t (specs/discretize_lemmas.hpp proves both). Each step is one of the project's float
// operations, unchanged, embedded as a block (ComposeOptions::block_cut, names "exp", "num",
// "div", "series-m1" ... "series-s" on both sides); the branch choice is a plain comparison of
// the exponent and a mux. circuits/expm1_ratio.cpp builds the same composition of constructions.
#pragma once

#include <gmpxx.h>

#include "lib/circuit.hpp"
#include "lib/component.hpp"
#include "lib/float_word.hpp"

namespace tc {

struct Expm1RatioDesign {
  int q = 8;  // working precision: format (q, q + 1)
  int t = 1;  // the series serves |z| < 2^-t
  FloatFormat format() const { return {q, q + 1}; }
};
// The design at precision q (2 <= q <= 16, exp's range).
Expm1RatioDesign expm1_ratio_design(int q);
// The least t >= 1 with (33/20) 2^-4t / 120 <= 2^-(q+2).
int expm1_ratio_threshold(int q);

// Input "z", output "phi" (floats, p significand bits, p + 1 exponent bits, q = p). A host embeds
// it with ComposeOptions::cut_prefix, so its block cuts are re-declared there.
Circuit build_expm1_ratio_spec(const Params& params);

}  // namespace tc
