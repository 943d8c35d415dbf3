// The error lemmas of softplus: the algorithm of specs/softplus.hpp against ln(1 + e^x), by Z3
// and MPFR.
//
// Hypotheses taken from exp and log, not re-proved here: their own lemma chains
// (specs/exp_lemmas.hpp, specs/log_lemmas.hpp) are run at p1 and their results are part of
// softplus's report (names suffixed "@p<p1>"); their end-to-end bounds E (exp at p1, on -|x| with
// e^-|x| >= min_p1) and Lambda (log at p1, on s in [1, 2]: no underflow, ln s >= 2^-p1) are
// hypotheses below. With t = e^-|x| in (0, 1], L = ln(1 + t) = softplus(-|x|), u1 = 2^-p1,
// u = 2^-p, g(w) = ln(1 + w) / w, and each rounding at p1 or p modelled as exact (1 + d):
//  softplus.gap       |y - t| <= E t, s = (1 + y)(1 + d1), d = s - 1: |d - t| <= A
//                     (absolute), A = u1 (2 + E) + E
//  softplus.product   l = round(log(s) round(y / d)): |l d - ln(s) y| <= B_p ln(s) y,
//                     B_p = (1 + Lambda)(1 + u1)^2 - 1
//  softplus.log1p     d != 0: ln(s) y / d = y g(d) and L = t g(t); with rho = g(d) / g(t) in
//                     [1 - A/2, 1 / (1 - A/2)] (enclosure G below): |l - L| <= B_l L,
//                     B_l = (1 + E)(1 + B_p) / (1 - A/2) - 1
//  softplus.tiny      d = 0 (so y <= u1 / (1 - u1)), l = y: |l - L| <= B_t L, B_t = E + u1
//  softplus.shift     x >= 0, w = round(x + l), |l - L| <= B L, B = max(B_l, B_t):
//                     |w - (x + L)| <= B_w (x + L), B_w = B + u1 (1 + B); for x < 0, w = l
//  softplus.range     w lies in [min_p / (1 + u), max_p (1 + u)], where the narrowing's
//                     |d| <= u holds
//  softplus.end-to-end  z = round_p(w): |z - softplus(x)| <= (B_w + u (1 + B_w)) softplus(x) on
//                     D_p = {x : e^-|x| >= min_p1, min_p <= softplus(x) <= max_p}
//  softplus.measured  every valid input at p <= 10 (a sample above) through softplus_model
//                     against MPFR: the worst error lies within the end-to-end bound, d = s - 1
//                     is exact on every input (Sterbenz), z = x exactly where exp flushes; says
//                     whether the paper's 2^-p holds, and where it fails.
// Trusted facts (Z3 sees neither exp nor ln; they enter as bounds on fresh reals):
//  (G) |ln g(w1) - ln g(w2)| <= |w1 - w2| / 2 for w1, w2 >= 0, hence rho in [e^-a, e^a] with
//      a = |d - t| / 2, and [e^-a, e^a] is inside [1 - a, 1 / (1 - a)] for a < 1 (e^z >= 1 + z).
//      Why (G) holds: (ln g)'(w) = 1 / ((1 + w) ln(1 + w)) - 1 / w is <= 0 because
//      ln(1 + w) >= w / (1 + w), and >= -1/2 because ln(1 + w) <= w (2 + w) / (2 (1 + w)) gives
//      (1 + w) ln(1 + w) (1 - w / 2) <= w (1 - w^2 / 4) <= w for w < 2 (for w >= 2 the left side
//      is <= 0). tests/specs/softplus.cpp checks (G) numerically on a grid.
//  (T) t - t^2 / 2 <= ln(1 + t) <= t for t >= 0 (alternating series / concavity).
// Range of the roundings at p1: 1 + y in [1, 2 + E], s - 1 exact, y / d within about [1/2, 2], the
// product and x + l within [min_p1, max_p1] on D_p (F1 has p1 + 1 exponent bits). The
// lemma-level mutant "log1p-gap-ignored" claims B_l with A = 0 (the correction y / d treated as
// exact) while softplus.log1p keeps enclosure G with the real A, so it must fail.
#pragma once

#include <gmpxx.h>

#include <vector>

#include "lib/component.hpp"
#include "lib/lemma.hpp"
#include "specs/softplus.hpp"

namespace tc {

struct SoftplusBudget {
  mpq_class E;       // exp's proved end-to-end relative bound at p1
  mpq_class Lambda;  // log's proved end-to-end relative bound at p1
  mpq_class A;       // |d - t|, absolute
  mpq_class B_p;     // log(s) (*) (y (/) d) against ln(s) y / d
  mpq_class B_l;     // l against L where d != 0
  mpq_class B_t;     // l = y against L where d = 0
  mpq_class B_w;     // w against softplus(x)
  mpq_class total;   // after the narrowing to p: B_w + u (1 + B_w)
};
// gap_ignored: the claims of the lemma-level mutant (A taken as 0 in B_l).
SoftplusBudget softplus_budget(const SoftplusDesign& d, bool gap_ignored = false);

// exp's and log's chains at p1, softplus's Z3 chain, and the measurement.
std::vector<LemmaResult> softplus_lemmas(const Params& params);

}  // namespace tc
