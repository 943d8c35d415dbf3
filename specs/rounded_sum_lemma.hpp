// The error bound of a step-by-step rounded sum (Higham, "Accuracy and Stability of Numerical
// Algorithms", Lemma 3.1 / section 4.2), checked with Z3 and by exhaustive enumeration.
//
// Claim: with each addition rounded as fl(a + b) = (a + b)(1 + d), |d| <= u = 2^-p (the unit
// roundoff of round-to-nearest at p significand bits), the left-to-right sum s_n of x_1..x_n
// satisfies |s_n - (x_1 + .. + x_n)| <= gamma_(n-1) * (|x_1| + .. + |x_n|), gamma_k = k u / (1 - k
// u). The model holds where nothing saturates or underflows (the domain of the claim).
//
// Z3 proves it by induction, one lemma per step k = 2..n (REFERENCE.md section 7: one error
// variable per operation in a single query does not scale): if the error after k - 1 terms is at
// most gamma_(k-2) A_(k-1) (A_j = |x_1| + .. + |x_j|, |S_j| <= A_j for the exact partial sum S_j),
// then after adding x_k and rounding it is at most gamma_(k-1) A_k. The base case is exact (s_1 =
// x_1). The measurement enumerates every triple of p = 4 floats with exponents in [-4, 4] (a domain
// where nothing saturates or underflows at the default e = 5), rounds step by step with
// round-to-nearest-even, and reports the worst |s_3 - S| / A_3, which must not exceed gamma_2.
#pragma once

#include <gmpxx.h>

#include <cstdint>
#include <vector>

#include "lib/component.hpp"
#include "lib/lemma.hpp"

namespace tc {

// gamma_k = k u / (1 - k u) with u = 2^-p, exactly.
mpq_class gamma_bound(int k, int p);

// The one-step Z3 lemmas for k = 2..n at precision p, then the composed claim (proved when every
// step is), then the exhaustive measurement at p = 4, n = 3.
std::vector<LemmaResult> rounded_sum_lemmas(const Params& params);

struct RoundedSumWorstCase {
  mpq_class ratio;         // max |s_3 - S| / (|x_1| + |x_2| + |x_3|) over the domain
  std::vector<int64_t> x;  // the inputs where it occurs, as integers scaled by 2^4
  uint64_t triples = 0;    // how many were enumerated
};
// Exhaustive at p = 4, n = 3, exponents in [-4, 4], every sign (see above).
RoundedSumWorstCase rounded_sum_worst_case();
// round-to-nearest-even of an integer to p significant bits (no exponent limits): the rounding
// the measurement uses, exposed so the tests can compare it with round_to_float.
int64_t round_integer_nearest_even(int64_t v, int p);

}  // namespace tc
