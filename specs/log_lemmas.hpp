// The error lemmas of log: the algorithm of specs/log.hpp against ln x, by Z3 and by MPFR.
//
// A chain of one-step lemmas (REFERENCE.md section 7), each stated for the design's p, q, N on
// the normalized domain t in [-1/4, 1/2]; the conclusion of each is a hypothesis of the next:
//  log.truncation      |T_N(t) - ln(1+t)| <= tau |ln(1+t)|, tau = 2^-(p+c+1)
//  log.rounding        N - 1 term roundings of at most 2^-(q+1) each sum to <= R = 2^-(2p+c+1)
//  log.ln2             |LN2 2^-q - ln 2| <= 2^-(q+1)
//  log.pre-rounding.k0 k = 0, |t| >= 2^-p: |S 2^-q - ln(1+t)| <= delta |ln(1+t)|, delta = 2^-(p+c)
//  log.pre-rounding.k  1 <= |k| <= 2^p + p: |L 2^-q - ln x| <= delta |ln x|
//  log.end-to-end      z = round_p(L 2^-q): |z - ln x| <= (2^-p + delta + 2^-p delta) |ln x|
//  log.measured        every positive input at p <= 10 (a sample above): the worst error from
//                      MPFR lies within the proved bounds; it also says whether the paper's
//                      2^-p holds, with the worst input.
// Z3 never sees ln: ln(1+t), ln 2, ln(3/2) and ln(3/4) are fresh reals bounded by enclosures,
// each named in the lemma's note (they are the trusted base):
//  (E1) |ln(1+y) - T_M(y)| <= 2|y|^(M+1)/(M+1) for |y| <= 1/2, T_M(y) = sum_{i<=M} (-1)^(i+1) y^i/i
//       (the tail sum_{i>M} |y|^i / i is at most |y|^(M+1) / ((M+1)(1-|y|)), a geometric series);
//  (E2) y/(1+y) <= ln(1+y) <= y for y > -1;
//  (E3) ln 2 = sum_{i>=1} 1/(i 2^i), the tail after M terms in [0, 2^-M/(M+1)];
//  (E4) ln is increasing, so ln(1+t) lies in [ln(3/4), ln(3/2)] on the domain, both by (E1).
// Lemma-level mutants ("taylor-terms-short": N - 1 terms; "working-precision-short": q - 1 bits)
// keep the claimed budgets and change the design, so a lemma fails with Z3's witness.
#pragma once

#include <vector>

#include "lib/component.hpp"
#include "lib/lemma.hpp"
#include "specs/log.hpp"

namespace tc {

// The design the lemmas check for params (p, and the lemma-level mutant if any).
LogDesign log_lemma_design(const Params& params);

std::vector<LemmaResult> log_lemmas(const Params& params);

}  // namespace tc
