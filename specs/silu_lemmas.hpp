// The error lemmas of silu: the algorithm of specs/silu.hpp against x / (1 + e^-x), by Z3 and
// MPFR.
//
// Hypothesis taken from exp, not re-proved here: exp's own lemma chain (specs/exp_lemmas.hpp) is
// run at p1 and its results are part of silu's report (names suffixed "@p<p1>"); its
// end-to-end bound E = exp_budget(exp_design(p1)).total is the hypothesis of silu.sum. With
// t = e^-x, u1 = 2^-p1, u = 2^-p, each rounding of fadd, fdiv and the narrowing modelled as
// exact (1 + d):
//  silu.sum         |y - t| <= E t, s = (1 + y)(1 + d1), |d1| <= u1:
//                   |s - (1 + t)| <= B_s (1 + t), B_s = E + u1 + E u1
//  silu.quotient    |s - S| <= B_s S, S = 1 + t, w s = x (1 + d2), |d2| <= u1:
//                   |w - x / S| <= B_w |x / S|, B_w = (1 + u1) / (1 - B_s) - 1
//  silu.range       min <= |silu| <= max, |w - silu| <= B_w |silu|: w lies in
//                   [min / (1 + u), max (1 + u)], where the narrowing's |d3| <= u holds
//  silu.end-to-end  z = w (1 + d3), |d3| <= u: |z - silu(x)| <= (B_w + u (1 + B_w)) |silu(x)|
//                   on D_p = {x : min_p1 <= e^-x <= max_p1, min_p <= |silu(x)|}
//  silu.measured    every valid input at p <= 10 (a sample above) through silu_model, against
//                   MPFR: the worst error lies within the end-to-end bound; says whether the
//                   paper's 2^-p holds, and where it fails.
// The roundings' |d| <= 2^-q holds for results in [min_q / (1 + 2^-q), max_q (1 + 2^-q)]: 1 + y is
// in [1, max_p1 + 1], |x / s| <= |x| <= max_p < max_p1 and |x / s| >= min_p (1 - B_s) > min_p1
// on D_p; the narrowing's range is silu.range. Z3 sees neither exp nor division: t is a positive
// real, quotients are written as products. The lemma-level mutant "exp-error-ignored" claims
// B_s = u1 (exp treated as exact) while silu.sum keeps exp's E as hypothesis, so it must fail.
#pragma once

#include <gmpxx.h>

#include <vector>

#include "lib/component.hpp"
#include "lib/lemma.hpp"
#include "specs/silu.hpp"

namespace tc {

struct SiluBudget {
  mpq_class E;      // exp's proved end-to-end relative bound at p1
  mpq_class B_s;    // 1 + y, rounded at p1
  mpq_class B_w;    // x / s, rounded at p1
  mpq_class total;  // after the narrowing to p: B_w + u (1 + B_w)
};
// exp_error_ignored: the budget of the lemma-level mutant (E taken as 0 in the claims).
SiluBudget silu_budget(const SiluDesign& d, bool exp_error_ignored = false);

// exp's chain at p1, silu's Z3 chain, and the measurement (exhaustive at p <= 10).
std::vector<LemmaResult> silu_lemmas(const Params& params);

}  // namespace tc
