// softplus(x) = ln(1 + e^x) (paper Lemma B.4): the algorithm, its design constant, and its
// bit-level spec as a composition of the float specs.
//
// A naive log(1 (+) exp(x)) loses all relative accuracy for x << 0: 1 + e^x rounds to 1 and the
// result is 0 while softplus(x) ~ e^x. The algorithm therefore evaluates softplus(-|x|) with
// Kahan's log1p trick and adds x back for positive x (softplus(x) = x + softplus(-x)). For a p-bit
// float x (E = p + 1 exponent bits), in the wider default format F1 = (p1, p1 + 1), p1 = p + c:
//   x1 = widen(x), a = -|x1|        exact (specs/float_resize.hpp; the sign bit cleared, negated)
//   y  = exp_p1(a)                  the exp algorithm of specs/exp_algorithm.hpp at p1, in (0, 1]
//   s  = round_p1(1 + y)            float addition at p1
//   d  = round_p1(s - 1)            exact (Sterbenz: s in [1, 2])
//   l  = y                          when d = 0 (1 + y rounded to 1: ln(1 + y) = y to 2^-(p1+1))
//   l  = round_p1(log_p1(s) * round_p1(y / d))   otherwise: ln(1 + y) = ln(s) y / d times
//                                   g(y) / g(d), g(w) = ln(1 + w) / w, and g varies slowly
//   w  = x1 + l rounded at p1       when the sign bit of x is clear (x >= 0), else w = l
//   z  = round_p(w)                 narrowing, one rounding to p bits
// Every step is one of the project's existing float operations, unchanged; c = 4 gives the
// end-to-end bound (1 + 2^-1.24) 2^-p at p = 8 proved by specs/softplus_lemmas.hpp, and p <= 12
// keeps p1 <= 16, where log's and fdiv's thermometers are still built in seconds. The construction
// (circuits/softplus.cpp) embeds the constructions in the same pattern, so the equivalence proof
// says "the threshold circuit computes this algorithm".
#pragma once

#include "lib/circuit.hpp"
#include "lib/component.hpp"
#include "lib/float_word.hpp"

namespace tc {

inline constexpr int kSoftplusGuardBits = 4;  // c: p1 = p + c
inline constexpr int kSoftplusMaxP1 = 16;     // exp, log and fdiv are built up to 16 bits

struct SoftplusDesign {
  int p = 8;
  int p1 = 12;
  FloatFormat narrow() const { return {p, p + 1}; }
  FloatFormat wide() const { return {p1, p1 + 1}; }
};
// The design at precision p (2 <= p <= kSoftplusMaxP1 - c).
SoftplusDesign softplus_design(int p);

// Input "x", output "z" (floats, p significand bits, p + 1 exponent bits).
Circuit build_softplus_spec(const Params& params);

}  // namespace tc
