// The end-to-end error lemma of selective-ssm: the rounded algorithm of specs/selective_ssm.hpp
// against the real-valued layer (specs/ssm_layer_real.hpp), composed from the parts' bounds by
// one-step Z3 lemmas, and an MPFR measurement.
//
// Statement. On the domain D_p (below), for every output,
//     |yhat_t,d - y_t,d| <= e_total * S_t,d,
// where y is the real-valued layer and S_t,d = sum_n sum_(i<=t) |C_t,n prod_(i<j<=t) Abar_j,d,n
// Bbar_i,d,n x_i,d| (times |silu(z)|, plus |D_skip x_t,d|, with the options) is the magnitude of
// its terms: an absolute bound scaled by the terms, as for any sum that may cancel (Higham).
// Hypotheses taken from the parts (each rounding of a value within [min_p, max_p] is within
// u = 2^-p relative; the parts' proved bounds, or assumed ones, named in the lemmas' notes):
//   E_sp    softplus at p, relative (softplus_budget: proved by the softplus component)
//   E_A     discretize's Abar against exp(delta a) on its rounded inputs, relative
//           (discretize_budget().A, proved by the discretize component)
//   E_Bb    discretize's Bbar against phi(delta a) delta b (ZOH: discretize_budget().B) or
//           delta b (euler: u, one fmul), relative
//   E_silu  silu at p, relative (silu_budget: proved by the silu component), with --gate
//   selection: B, C and the pre-activation v one exact dot product rounded once (u);
//   scan: each term prod Abar Bbar x rounded once, h = one rounded exact sum, y = one rounded
//   exact dot product (the scan's closed form).
// Chain (each a one-step Z3 lemma with a refuted smaller bound; kappa = u V / (1 - u V),
// rho = e_delta M, r = rho / (1 - rho)):
//   delta   |delta_hat - delta| <= e_delta delta,  e_delta = (1 + kappa)(1 + E_sp) - 1
//           (enclosure: |sp(v') - sp(v)| <= sigma(v) e^|v'-v| |v' - v| <= kappa sp(v), since
//           sigma <= sp and |v' - v| <= u |v| <= u V)
//   abar    e_A' = (1 + r)(1 + E_A) - 1  (enclosure: |e^w - 1| <= |w| / (1 - |w|), |w| <= rho)
//   bbar    e_Bb' = (1 + r)(1 + e_delta)(1 + u)(1 + E_Bb) - 1 (ZOH: log phi is 1-Lipschitz, so
//           phi(z')/phi(z) is within e^|z'-z|; euler: no phi factor, r = 0 there)
//   term    e_T = (1 + e_A')^(L-1) (1 + e_Bb')(1 + u) - 1
//   state   e_h = (1 + e_T)(1 + u) - 1, relative to sum_i |T_i|
//   output  e_y = (1 + e_h)(1 + u)^2 - 1, relative to S (C rounded once, y rounded once)
//   skip    e_s = (1 + e_y)(1 + u)^2 - 1; gate: e_g = (1 + e_s)(1 + E_silu)(1 + u) - 1
// Domain D_p: |v_t,d| <= V = 2 and delta_t,d |A_d,n| <= M = 1 (V = 1, M = 1/2 at p = 2, where
// u = 1/4 leaves the enclosures no room otherwise) (real values), and every rounding
// of the algorithm within u relative, checked input by input on the spec circuit's blocks: each
// block with one output word of the format has an output of magnitude in [2 min_p, max_p / 2]
// (so the value it rounded lay in [min_p, max_p]), or an output 0 with a zero operand (exact).
// A sum that cancels to 0 exactly is conservatively left out of D_p.
#pragma once

#include <gmpxx.h>

#include <string>
#include <vector>

#include "lib/component.hpp"
#include "lib/lemma.hpp"

namespace tc {

struct SelectiveSsmBudget {
  mpq_class u;                        // 2^-p
  mpq_class E_sp, E_A, E_Bb, E_silu;  // the parts' bounds (hypotheses)
  std::string parts_note;             // where each comes from
  mpq_class V = 2, M = 1;             // the domain's bounds on |v| and delta |a| (p = 2: 1, 1/2)
  mpq_class kappa, e_delta, rho, r, e_A, e_Bb, e_T, e_h, e_y, e_s, e_g;
  mpq_class total;  // the bound for the flags asked for
};
SelectiveSsmBudget selective_ssm_budget(const Params& params);

// The Z3 chain and the measurement (exhaustive when the input space has at most 2^16 points,
// else sampled). Params as the construction's (weights included).
std::vector<LemmaResult> selective_ssm_lemmas(const Params& params);

}  // namespace tc
