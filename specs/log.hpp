// Spec of log: the paper's Taylor algorithm for ln x (Chen et al., Lemma 4.1 / B.3), written
// plainly at the bit level: exact powers by array multipliers, each term rounded once at q
// fractional bits by long division, ripple sums, ln 2 as a rounded constant, one final round_p.
//
// The algorithm (design constants N, q from log_design):
//   x = m 2^e > 0 is written r 2^k with r in [3/4, 3/2): r = m / 2^(p-1), k = e + p - 1 when
//   m < 3 2^(p-2) (case A), else r = m / 2^p, k = e + p (case B); t = r - 1 = T / 2^p.
//   u_i = round_q(|t|^i / i) = floor(|t|^i / i * 2^q + 1/2)    (i = 1..N; round half up)
//   S = sum_i sign_i u_i, sign_i = -1 when t < 0 or i is even  (the Taylor series of ln(1 + t))
//   L = k LN2 + S, LN2 = round(ln 2 * 2^q)                      (an integer: L 2^-q ~ ln x)
//   z = round_p(L 2^-q), rounded once (specs/float_round.hpp).
// Non-positive x (the sign bit set, or the canonical zero) gives z = canonical zero and
// domain_error = 1; x = 1 gives t = 0, k = 0, L = 0 and z = 0 exactly.
// The error of this algorithm against ln x is the subject of specs/log_lemmas.hpp.
#pragma once

#include <gmpxx.h>

#include <string>
#include <vector>

#include "lib/component.hpp"

namespace tc {

struct LogDesign {
  int p = 0;
  int margin = 4;     // c: the relative error before the final rounding is at most 2^-(p+c)
  int terms = 0;      // N
  int frac_bits = 0;  // q
  // The budgets the lemmas check (specs/log_lemmas.hpp).
  mpq_class truncation_budget() const;   // 2^-(p+c+1), relative to |ln(1+t)|
  mpq_class rounding_budget() const;     // 2^-(2p+c+1), absolute, on the sum of rounded terms
  mpq_class pre_rounding_bound() const;  // delta = 2^-(p+c), relative, L 2^-q against ln x
  mpq_class end_to_end_bound() const;    // 2^-p + delta + 2^-p delta, relative, z against ln x
};

// N: the least number of terms whose remainder enclosure 2|t|^(N+1)/(N+1) at t = 1/2 is within
// the truncation budget relative to ln(3/2) (rounded down to 0.405); q = 2p + c + ceil(log2(N-1)),
// so that N - 1 roundings of 2^-(q+1) fit the rounding budget.
LogDesign log_design(int p);

// round(ln 2 * 2^q) from MPFR's ln 2 at q + 64 bits (ln 2 is irrational: no ties).
mpz_class log_ln2_fixed(int q);

// Inputs "x" (float, p and exponent bits p + 1); outputs "z" (float) and "domain_error" (bool).
Circuit build_log_spec(const Params& params);

// `verify eval`: ln x from MPFR beside round_p of it, and the algorithm's result.
std::vector<std::string> log_reference(const Params& params,
                                       const std::vector<std::vector<bool>>& inputs);

}  // namespace tc
