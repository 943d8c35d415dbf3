// The exp algorithm (Chiang Lemma 12, paper Lemma 3.14): its design constants and a fast integer
// model of it, used by the exhaustive error measurement and checked against the bit-level spec.
//
// x = (-1)^s m 2^e is a p-bit float; the result approximates e^x with range reduction
// x = k ln 2 + r, a degree-N Taylor polynomial of e^r in fixed point with q fractional bits,
// scaling by 2^k and one final round_p. Every step is an integer operation with an explicit
// rounding (floor), so the algorithm is exact arithmetic on integers, written out below:
//   big   |x| >= 2^p (e >= 1, x != 0): the result is max for x > 0 and 0 for x < 0, which is
//         round_p(e^x) itself (e^(2^p) > max and e^(-2^p) < min / 2 for every p >= 2).
//   A   = floor(|x| 2^a)                 |x| in fixed point with a = 2p + 2 fractional bits:
//                                        exact for e >= -a; below, |x| < 2^-(p+2) and e^x rounds to
//                                        1
//   A_t = floor(|x| 2^t)                 a short copy of |x| that picks k
//   K   = floor((A_t C + 2^(t+w-1)) / 2^(t+w)),  C = round(2^w / ln 2)      (K ~ |x| / ln 2)
//   R   = floor((A 2^(q+G-a) - K L + 2^(G-1)) / 2^G),  L = round(2^(q+G) ln 2)
//                                        (R ~ (|x| - K ln 2) 2^q)
//   M   = |R|, sigma = s XOR [R < 0]     r = (-1)^sigma M 2^-q, k = (-1)^s K, x ~ k ln 2 + r
//   P_i = floor((M >> s_i)^i / 2^(q(i-1) - i s_i))   |r|^i with q fractional bits: an exact power
//         of M without its s_i low bits (s_0 = s_1 = 0; s_i is the largest shift whose error
//         |r|^(i-1)/(i-1)! 2^(s_i-q) stays below 2^-(q+1) for |r| <= 3/8, raised where needed so
//         that the power has at most 48 bits, the width circuits/int_crt.hpp supports)
//   Y   = floor((sum_{i=0..N} (-1)^(sigma i) P_i D_i + 2^(q-1)) / 2^q),  D_i = round(2^q / i!),
//         P_0 = 2^q                      Y ~ e^r 2^q, rounded once
//   z   = round_p(Y 2^(k-q))             one rounding, saturating and flushing as round_p does
// The choices (a = 2p + 2, q = p + 6, t = 6, w = p + 6, G = p + 2, N the least degree whose Taylor
// remainder on |r| <= 3/8 is below 2^-(q+1)) are justified by the lemmas in specs/exp_lemmas.hpp.
#pragma once

#include <gmpxx.h>

#include <cstdint>
#include <vector>

#include "lib/float_word.hpp"

namespace tc {

struct ExpDesign {
  int p = 8;
  int a = 18;                // fractional bits of |x| in A
  int q = 14;                // fractional bits of r, the powers and Y
  int t = 6;                 // fractional bits of |x| used to choose K
  int w = 14;                // fractional bits of C ~ 1/ln 2
  int G = 10;                // guard bits of L ~ ln 2 beyond q
  int N = 5;                 // Taylor degree
  mpz_class C, L;            // round(2^w / ln 2), round(2^(q+G) ln 2)
  std::vector<mpz_class> D;  // D[i] = round(2^q / i!), i = 0..N
  std::vector<int> s;        // s[i]: low bits of M dropped before the i-th power, i = 0..N
  // Exponents e whose |x| = m 2^e can have A > 0: [1 - p - a, 0].
  int e_lo() const { return 1 - p - a; }
};

// The design at precision p (2 <= p <= 16).
ExpDesign exp_design(int p);
// Degree N: the least N >= 2 with (33/20) (3/8)^(N+1) / (N+1)! <= 2^-(q+1).
int exp_degree(int q);
// The shifts s_i above for M of q - 1 bits (M <= (3/8) 2^q < 2^(q-1)).
std::vector<int> exp_power_shifts(int q, int N);
// round(2^k ln 2) and round(2^k / ln 2) (never ties: ln 2 is irrational), from MPFR.
mpz_class exp_ln2_scaled(int k);
mpz_class exp_inv_ln2_scaled(int k);

// Every intermediate of the algorithm for one input (see the header comment).
struct ExpTrace {
  bool big = false;  // |x| >= 2^p: no reduction, z is max or 0
  mpz_class A, A_t, K, R, M, Y;
  bool sigma = false;
  std::vector<mpz_class> P;  // P[0..N]
  int64_t k = 0;             // (-1)^s K
  FloatValue z;              // the result
};

ExpTrace exp_model(FloatValue x, const ExpDesign& d, FloatFormat f);

}  // namespace tc
