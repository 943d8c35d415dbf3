// exp as a threshold circuit: every integer of the algorithm (specs/exp_algorithm.hpp) is a bit
// of a bounded linear form over earlier words, read off by telescoping (fb_form_bit), so the
// depth does not depend on p; the powers M^i come from int_power (circuits/int_crt.hpp).
//
// Layers (depth of the last gate of each word):
//   1-2  A = floor(|x| 2^a), a = 2p + 2: one case per exponent e in [1 - p - a, 0] (m_j AND [e =
//   c], one
//        gate), then one OR per bit (a shifter by selection). big = [e >= 1] AND x != 0 (1).
//   3-4  K: bits of A_t C + 2^(t+w-1), a form over A's bits (fb_form_bit, depth 2).
//   5-6  R = floor(V / 2^G), V = A 2^(q+G-a) - K L + 2^(G-1): [V < 0] is one gate; |R| is read from
//        V or from 2^G - 1 - V with the sign folded in, then one OR; sigma likewise.
//   +4   P_i = floor((M >> s_i)^i / 2^(q(i-1) - i s_i)): int_power (depth 4), keeping only the
//        bits below (3/8)^i 2^q + 1.
//   +2   Y: bits of the two forms sum_i (+-1)^i P_i D_i + 2^(2q) + 2^(q-1), sigma folded in.
//   +4   fb_round_pack of Y 2^(k - q); the big case ORed in.
// The design constants are recomputed here from their definitions (not shared with specs/, so a
// wrong constant on either side shows up in the miter).
#include "circuits/exp.hpp"

#include <gmpxx.h>
#include <mpfr.h>

#include <algorithm>

#include "circuits/float_blocks.hpp"
#include "circuits/int_crt.hpp"
#include "circuits/int_mutants.hpp"
#include "lib/float_word.hpp"

namespace tc {

const std::vector<Mutant>& exp_mutants() {
  static const std::vector<Mutant> mutants = {
      {"taylor-term-dropped", "the r^2 / 2 term of the Taylor polynomial is left out"},
      {"ln2-constant-short",
       "ln 2 is stored with q fractional bits only (no guard bits), so K ln 2 is off by up to "
       "K 2^-(q+1)"},
      {"reduction-shift-off-by-one",
       "r is read one bit too low from the reduced value (r doubled)"},
      {"sign-of-r-ignored", "for negative x the reduced argument keeps the sign of |x| - K ln 2"},
      {"truncation", "the final rounding truncates instead of rounding to nearest"},
      {"series-one-term-short",
       "the error lemmas use a Taylor degree one lower than the design "
       "(the claimed bounds are kept)",
       true},
  };
  return mutants;
}

namespace {

int64_t pow2(int k) { return int64_t{1} << k; }

// round(2^k ln 2) or round(2^k / ln 2).
int64_t ln2_constant(int k, bool invert) {
  mpfr_t v;
  mpfr_init2(v, 256);
  mpfr_const_log2(v, MPFR_RNDN);
  if (invert) mpfr_ui_div(v, 1, v, MPFR_RNDN);
  mpfr_mul_2si(v, v, k, MPFR_RNDN);
  const long r = mpfr_get_si(v, MPFR_RNDN);
  mpfr_clear(v);
  return r;
}

struct Design {
  int p, a, q, t, w, G, N;
  int64_t C, L;
  std::vector<int64_t> D;    // round(2^q / i!)
  std::vector<int> P_width;  // bits of floor((3/8)^i 2^q), the largest P_i
  std::vector<int> s;        // low bits of M dropped before the i-th power
};

Design design(int p, const std::string& mutant) {
  Design d;
  d.p = p;
  d.a = 2 * p + 2;
  d.q = p + 6;
  d.t = 6;
  d.w = p + 6;
  d.G = p + 2;
  // Least N with (33/20) (3/8)^(N+1) / (N+1)! <= 2^-(q+1).
  mpq_class remainder(33, 20);
  for (int n = 1;; ++n) {
    remainder = remainder * mpq_class(3, 8) / n;
    if (n >= 3 && remainder * (mpz_class(1) << (d.q + 1)) <= 1) {
      d.N = n - 1;
      break;
    }
  }
  d.C = ln2_constant(d.w, true);
  d.L = mutant == "ln2-constant-short" ? ln2_constant(d.q, false) << d.G
                                       : ln2_constant(d.q + d.G, false);
  mpz_class factorial = 1, rho_power = 1;
  for (int i = 0; i <= d.N; ++i) {
    if (i > 0) factorial *= i;
    const mpz_class rounded = ((mpz_class(1) << (d.q + 1)) + factorial) / (2 * factorial);
    d.D.push_back(rounded.get_si());
    if (i > 0) rho_power *= 3;
    const mpz_class largest = (rho_power << d.q) >> (3 * i);  // floor((3/8)^i 2^q)
    d.P_width.push_back(static_cast<int>(mpz_sizeinbase(largest.get_mpz_t(), 2)));
  }
  // s_i: the largest shift with 2^(s_i+1) (3/8)^(i-1) / (i-1)! <= 1, or more so that the
  // power has at most 48 bits (what int_power supports).
  d.s = {0, 0};
  mpq_class error = 1;
  for (int i = 2; i <= d.N; ++i) {
    error = error * mpq_class(3, 8) / (i - 1);
    int s = 0;
    while (error * (mpz_class(1) << (s + 2)) <= 1) ++s;
    d.s.push_back(std::max(s, (d.q - 1) - 48 / i));
  }
  return d;
}

// The literals of [e = value] for an e-bit two's complement word.
Bits equals_literals(const Bits& e, int64_t value) {
  Bits lits;
  for (size_t i = 0; i < e.size(); ++i) lits.push_back(((value >> i) & 1) ? e[i] : !e[i]);
  return lits;
}

}  // namespace

Circuit exp_construction(const Params& params) {
  const FloatFormat f = float_format(params);
  const std::string& mutant = params.mutant;
  RoundOptions round_options;
  if (mutant == "truncation")
    fb_rounding_mutant(mutant, round_options);
  else if (!mutant.empty() && mutant != "taylor-term-dropped" && mutant != "ln2-constant-short" &&
           mutant != "reduction-shift-off-by-one" && mutant != "sign-of-r-ignored" &&
           mutant != "series-one-term-short")  // lemma-only: the circuits are unchanged
    int_unknown_mutant("exp", mutant);
  const Design d = design(f.p, mutant);
  const int p = d.p, q = d.q;
  Circuit c("exp");
  const Bits x_word = add_float_input(c, "x", f);
  const FloatBits x = split_float(x_word, f);
  const Bits& m = x.magnitude;

  LinearForm exponent_value;
  exponent_value.add_signed(x.exponent, 1);
  const Signal big = fb_at_least(c, exponent_value, 1, {m[p - 1]});

  // A = floor(m 2^(e+a)) by selection over the exponent cases.
  std::vector<Bits> a_cases(p + d.a);
  for (int e = 1 - p - d.a; e <= 0; ++e) {
    const Bits lits = equals_literals(x.exponent, e);
    for (int j = 0; j < p; ++j) {
      if (j + e + d.a < 0) continue;
      Bits all = lits;
      all.push_back(m[j]);
      a_cases[j + e + d.a].push_back(c.create_and(all));
    }
  }
  Bits A;
  for (const Bits& bit_cases : a_cases) A.push_back(c.create_or(bit_cases));

  // K = floor((A_t C + 2^(t+w-1)) / 2^(t+w)), A_t = A >> (a - t).
  LinearForm k_form;
  k_form.constant = pow2(d.t + d.w - 1);
  for (int i = d.a - d.t; i < p + d.a; ++i) k_form.add(A[i], d.C * pow2(i - (d.a - d.t)));
  Bits K;
  for (int b = 0; b <= p; ++b) K.push_back(fb_form_bit(c, k_form, d.t + d.w + b));

  // V = A 2^(q+G-a) - K L + 2^(G-1); R = floor(V / 2^G); -R = floor((2^G - 1 - V) / 2^G).
  LinearForm v;
  v.constant = pow2(d.G - 1);
  v.add_unsigned(A, pow2(q + d.G - d.a));
  v.add_unsigned(K, -d.L);
  LinearForm v_negated;
  v_negated.add_form(v, -1);
  v_negated.constant += pow2(d.G) - 1;
  const Signal negative = fb_at_most(c, v, -1);
  const int shift = mutant == "reduction-shift-off-by-one" ? d.G - 1 : d.G;
  Bits M;
  for (int b = 0; b < q - 1; ++b)
    M.push_back(c.create_or(fb_form_bit(c, v, shift + b, {!negative}),
                            fb_form_bit(c, v_negated, shift + b, {negative})));
  // sigma = s XOR [V < 0]: the sign of r.
  const Signal sigma = mutant == "sign-of-r-ignored" ? negative
                                                     : c.create_or(fb_at_most(c, v, -1, {!x.sign}),
                                                                   fb_at_least(c, v, 0, {x.sign}));

  // The spec computes the same K, M = |R| and sigma (specs/exp.cpp): a block over x, proved on
  // its own. The spec's M has q + 1 bits; its top two are zero (M <= (3/8) 2^q), which the block
  // proof checks against the constants here. (At p <= 3 the exponent cases above alias some
  // big exponents, where z ignores K, M and sigma: the blocks differ there and are not used.)
  Bits M_cut = M;
  M_cut.resize(q + 1, kFalse);
  Bits reduce_outputs = K;
  reduce_outputs.insert(reduce_outputs.end(), M_cut.begin(), M_cut.end());
  reduce_outputs.push_back(sigma);
  c.add_cut("exp/reduce", x_word, reduce_outputs, kTrue, kTrue, true);

  // Y = floor((sum_i (-1)^(sigma i) P_i D_i + 2^(q-1)) / 2^q), as two forms, sigma folded in.
  LinearForm plus, minus;
  plus.constant = minus.constant = pow2(2 * q) + pow2(q - 1);  // P_0 D_0 + half
  for (int i = 1; i <= d.N; ++i) {
    if (i == 2 && mutant == "taylor-term-dropped") continue;
    Bits P = M;
    if (i > 1) {
      const Bits power = int_power(c, Bits(M.begin() + d.s[i], M.end()), i);
      const int lo = q * (i - 1) - i * d.s[i],
                hi = std::min<int>(lo + d.P_width[i], static_cast<int>(power.size()));
      P = lo < hi ? Bits(power.begin() + lo, power.begin() + hi) : Bits{};
    }
    plus.add_unsigned(P, d.D[i]);
    minus.add_unsigned(P, i % 2 ? -d.D[i] : d.D[i]);
  }
  Bits Y;
  for (int b = 0; b <= q; ++b)
    Y.push_back(
        c.create_or(fb_form_bit(c, plus, q + b, {!sigma}), fb_form_bit(c, minus, q + b, {sigma})));

  // The series (M, sigma) -> Y is a block of few inputs; the spec's Y has one more bit, zero.
  Bits series_inputs = M_cut;
  series_inputs.push_back(sigma);
  Bits Y_cut = Y;
  Y_cut.push_back(kFalse);
  c.add_cut("exp/series", series_inputs, Y_cut, kTrue, kTrue, true);

  // z = round_p(Y 2^(k - q)), k = (-1)^s K, unless big.
  UnroundedValue value;
  value.n = Y;
  value.lead_lo = q - 1;  // Y >= e^(-3/8) 2^q > 2^(q-1)
  value.exponent.constant = -q;
  for (int b = 0; b <= p; ++b) {
    const int g = value.exponent.new_group();
    value.exponent.add(c.create_and(K[b], !x.sign), pow2(b), g);
    value.exponent.add(c.create_and(K[b], x.sign), -pow2(b), g);
  }
  const Bits band = fb_round_pack(c, value, f, {!big}, round_options);

  // big: x > 0 gives max = (2^p - 1) 2^emax, x < 0 the canonical zero.
  const Signal to_max = c.create_and(big, !x.sign);
  Bits saturated;
  for (int i = 0; i < p + f.e - 1; ++i) saturated.push_back(to_max);
  saturated.push_back(kFalse);  // the exponent's sign bit (emax >= 0)
  saturated.push_back(kFalse);  // the sign
  add_float_output(c, "z", fb_or_words(c, {band, saturated}), f);
  return c;
}

}  // namespace tc
