// The error lemmas of the discretization: the algorithm of specs/discretize.hpp (and of
// specs/expm1_ratio.hpp inside it) against the true zero-order hold, by Z3 and MPFR.
//
// Domain D_p (Mamba's): Delta > 0, a < 0, x = Delta a in [-Z, 0) with Z = 2, and for Bbar
// 2 min_p <= |ZOH| <= max_p / 2. There nothing overflows or underflows at p1 (|z| >= min_p^2,
// far above min_p1, whose exponent range is 2^4 times wider), e^x is in [e^-2, 1], inside
// [min_p, max_p] for every p >= 2, so every rounding of fadd, fmul, fdiv at p1 and the narrowing
// to p is the exact value times (1 + d), |d| <= u1 = 2^-p1 resp. u = 2^-p.
// Hypothesis taken from exp, not re-proved here: exp's chain (specs/exp_lemmas.hpp) is run at p1
// and reported with the suffix "@p<p1>"; its end-to-end bound E is a hypothesis below.
//  phi.series     z in [-T, 0), T = 2^-t: the Horner steps (six roundings, c2 = round(1/6),
//                 c3 = round(1/24)) and the truncation: |s - phi(z)| <= S phi(z),
//                 S = (u1 (1 + 2T) + (33/20) T^4 / 5!) / (1 - T/2)
//  phi.quotient   z in [-Z (1 + u_z), -T]: y = e^z (1 + e), |e| <= E; d = (y - 1)(1 + d1);
//                 q z = d (1 + d2): |q - phi(z)| <= Q phi(z), Q = (1 + E / T)(1 + u1)^2 - 1
//                 (the cancellation: e^z / |e^z - 1| <= 1 / |z| <= 1 / T)
//  phi.shift      z = x (1 + dz), |dz| <= u_z (u_z = 0 when p1 >= 2p: the product is exact):
//                 |f - phi(x)| <= Phi_x phi(x), Phi_x = (1 + max(S, Q)) / (1 - u_z Z / 2) - 1
//  abar           |Abar - e^x| <= A e^x, A = (1 + E)(1 + u) / (1 - u_z Z) - 1
//  bbar           |Bbar - ZOH| <= B |ZOH|, ZOH = (e^x - 1)/a b = Delta phi(x) b,
//                 B = (1 + Phi_x)(1 + u1)^2 (1 + u) - 1
//  measured       every (delta, a) of D_p at p <= 4 with every significand of b (a sample of
//                 pairs above), against MPFR: the worst errors lie within A, Phi_x and B; says
//                 whether the paper's 2^-p holds.
// Trusted facts (in the notes): (E1') |phi(z) - (1 + z/2 + z^2/6 + z^3/24)| <= (33/20) |z|^4/5!
// for |z| <= 1/2 (phi(z) = int_0^1 e^(sz) ds and exp's Lagrange remainder, e^(1/2) < 33/20);
// (E2) e^v >= 1 + v for all real v, used at v = z, -z, +-(z - x); (P) |ln phi(z1) - ln phi(z2)|
// <= |z1 - z2| / 2 for z1, z2 <= 0 ((ln phi)' = e^z/(e^z - 1) - 1/z lies in (0, 1/2] there;
// checked on a grid in the tests). The lemma-level mutant "cancellation-ignored" claims
// Q = (1 + E)(1 + u1)^2 - 1, as if e^z - 1 inherited e^z's relative error: phi.quotient fails.
#pragma once

#include <gmpxx.h>

#include <vector>

#include "lib/component.hpp"
#include "lib/lemma.hpp"
#include "specs/discretize.hpp"

namespace tc {

struct DiscretizeBudget {
  mpq_class Z;      // |Delta a| <= Z on the domain
  mpq_class T;      // 2^-t, phi's series threshold at p1
  mpq_class E;      // exp's proved end-to-end relative bound at p1
  mpq_class u_z;    // relative error of z = Delta a at p1 (0 when p1 >= 2p)
  mpq_class S;      // phi's series branch
  mpq_class Q;      // phi's quotient branch
  mpq_class Phi_x;  // phi_p1(z) against phi(Delta a)
  mpq_class A;      // Abar against e^(Delta a)
  mpq_class B;      // Bbar against the ZOH
};
// cancellation_ignored: the budget of the lemma-level mutant.
DiscretizeBudget discretize_budget(const DiscretizeDesign& d, bool cancellation_ignored = false);

// exp's chain at p1, the discretization's Z3 chain, and the measurement. With the flag "euler"
// the ZOH lemmas are replaced by the Euler gap 0 <= 1 - phi(x) <= |x|/2 (REFERENCE.md section 7).
std::vector<LemmaResult> discretize_lemmas(const Params& params);

}  // namespace tc
