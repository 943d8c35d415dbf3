// The error lemmas of exp: the algorithm of specs/exp_algorithm.hpp against e^x, by Z3 and MPFR.
//
// A chain of one-step lemmas (REFERENCE.md section 7), each stated for the design's p, q, N; the
// claimed bound of each is a hypothesis of the next, so each Z3 query stays small:
//  exp.reduction.range    |r^| <= 3/8 for r^ = R 2^-q, over every |x| < 2^p
//  exp.reduction.error    |r^ - (|x| - K ln 2)| <= eps (input truncation, L, rounding of R)
//  exp.taylor.truncation  |e^r - T_N(r)| <= tau e^r for |r| <= 3/8
//  exp.poly.step-i        i = 2..N: the sum of the first i rounded terms stays within B_i of
//                         T_i(r^) (powers of the shifted M truncated to q bits, rounded
//                         coefficients); B_1 = 0 because terms 0 and 1 are exact
//  exp.poly.rounding      Y 2^-q is within B_Y = B_N + 2^-(q+1) of T_N(r^)
//  exp.algorithm          |Y 2^-q - e^(r*)| <= delta e^(r*), r* = |x| - K ln 2 exactly
//  exp.end-to-end         z = round_p(Y 2^(k-q)): |z - e^x| <= (2^-p (1 + delta) + delta) e^x on
//                         D_p = {x : min <= e^x <= max}
//  exp.measured           every valid input at p <= 10 (a sample above), against MPFR: the worst
//                         error lies within the end-to-end bound (and within delta before the
//                         last rounding); it also says whether the paper's 2^-p holds.
// Z3 never sees exp or ln; its facts about them are the trusted base, named in each note:
//  (E1) |e^r - T_M(r)| <= (33/20) |r|^(M+1) / (M+1)! for |r| <= 1/2 (REFERENCE.md section 7:
//       the Lagrange remainder with e^(1/2) < 33/20);
//  (E2) e^z >= 1 + z for every real z (convexity);
//  (E3) ln 2 lies in [lo, hi], a 128-bit enclosure computed by MPFR with directed rounding.
// Integrality of A, K, R, Y is dropped (each floor becomes an interval of width one), which only
// enlarges the set of cases Z3 must cover. The lemma-level mutant "series-one-term-short" checks
// the lemmas for degree N - 1 with the budgets of degree N, so exp.taylor.truncation must fail.
#pragma once

#include <gmpxx.h>

#include <vector>

#include "lib/component.hpp"
#include "lib/lemma.hpp"
#include "specs/exp_algorithm.hpp"

namespace tc {

// The claimed bounds of the chain for a design (taylor_degree = d.N unless a mutant says else).
struct ExpBudget {
  mpq_class rho;             // 3/8, the range of r^
  mpq_class epsilon;         // reduction error
  mpq_class tau;             // relative Taylor remainder
  std::vector<mpq_class> B;  // B[i], i = 1..N: polynomial evaluation error after term i
  mpq_class B_Y;             // after the rounding of Y
  mpq_class delta;           // relative error of Y 2^(k-q) against e^x
  mpq_class total;           // end to end: 2^-p (1 + delta) + delta
};
ExpBudget exp_budget(const ExpDesign& d);

// The Z3 chain and the measurement (exhaustive when p <= 10, else 2^14 samples).
std::vector<LemmaResult> exp_lemmas(const Params& params);

}  // namespace tc
