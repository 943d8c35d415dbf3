// The error lemmas of scan: the closed form and the rounded recurrence against the exact real
// recurrence h_t = Abar_t h_(t-1) + Bbar_t x_t, y_t = C_t . h_t, and against each other, for given
// p and L, by Z3 one-step lemmas composed in exact rationals (REFERENCE.md section 7: an unrolled
// scan in one query times out).
//
// Scale: M_t[n] = |Abar_t[n]| M_(t-1)[n] + |Bbar_t[n] x_t| (M_0 = |Bbar_0 x_0|), which is
// sum_i (prod_(i<j<=t) |Abar_j|) |Bbar_i x_i|, the sum of the terms' magnitudes, and
// S_t = sum_n |C_t[n]| M_t[n]. All errors are relative to these (|h_t| <= M_t, |y_t| <= S_t; a
// bound relative to |y_t| itself cannot exist, as y_t may cancel to 0). Each rounding of a block
// is exact (1 + d), |d| <= u = 2^-p: the domain is inputs for which no block's exact result
// overflows max_p or is nonzero below min_p (the measurement checks it input by input).
//  scan.recurrent.base     h_0 = round(Bbar_0 x_0): |h_0 - H_0| <= e_0 M_0, e_0 = u
//  scan.recurrent.step-t   t = 1..L-1: |h_(t-1) - H_(t-1)| <= e_(t-1) M_(t-1) and the three
//  roundings
//                          of fmul, fmul, fadd give |h_t - H_t| <= e_t M_t,
//                          e_t = (1 + u)^2 e_(t-1) + (1 + u)^2 - 1  (so e_t = (1+u)^(2t+1) - 1 ~
//                          (2t+1) u)
//  scan.recurrent.composed by induction over t: e_(L-1) for the last state
//  scan.closed.accumulate  the exact sum of rounded terms is within u of the exact sum, relative
//                          to the sum of magnitudes (one step of the induction over the terms)
//  scan.closed.round       then one rounding: |h_t - H_t| <= g M_t, g = (1 + u)^2 - 1, for every t
//  scan.output.closed      y = round(sum_n C_n h_n): |y - Y| <= ((1 + u) g + u) S
//  scan.output.recurrent   likewise with e_(L-1): ((1 + u) e_(L-1) + u) S
//  scan.forms.difference   |y_closed - y_recurrent| <= (sum of the two) S
//  scan.measured           sampled inputs on the domain, with GMP: every error within its bound
// Growth: the recurrent bound grows linearly in L (about 2L u at the output), the closed
// form's not at all (about 3u); the composed lemma states how many extra working bits c keep
// the recurrent bound at 2^-p scale (about 2L 2^-(p+c) <= 2^-p, c = ceil(log2 2L)).
#pragma once

#include <gmpxx.h>

#include <vector>

#include "lib/component.hpp"
#include "lib/lemma.hpp"

namespace tc {

struct ScanBudget {
  mpq_class u;                      // 2^-p
  std::vector<mpq_class> e;         // e[t]: recurrent state error after step t, relative to M_t
  mpq_class g;                      // closed-form state error, relative to M_t (every t)
  mpq_class y_closed, y_recurrent;  // output errors relative to S_(L-1)
  mpq_class difference;             // |y_closed - y_recurrent| relative to S_(L-1)
};
// growth_dropped: the budget of the lemma-level mutant "step-growth-dropped",
// e_t = e_(t-1) + (1 + u)^2 - 1, which the step lemmas must refute.
ScanBudget scan_budget(int p, int L, bool growth_dropped = false);

// The least c >= 0 with the recurrent output bound at precision p + c at most 2^-p (and the
// closed form's).
int scan_extra_bits_recurrent(int p, int L);
int scan_extra_bits_closed(int p, int L);

std::vector<LemmaResult> scan_lemmas(const Params& params);

}  // namespace tc
