// log: z = round_p(L * 2^-q), L = k * LN2 + sum_i v_i, the paper's Taylor algorithm (Chen et al.,
// Lemma 4.1 / B.3) as a constant-depth threshold circuit: by default the powers by iterated
// multiplication, of polynomial size (the paper's route); with the flag "tabulated", every term
// tabulated over a thermometer of the significands, exponential size but smaller at p <= 16 (both
// meet the same spec).
//
// The algorithm (the same as specs/log.hpp, which states it plainly):
//  - x = m 2^e > 0 is written r 2^k with r in [3/4, 3/2): r = m / 2^(p-1), k = e + p - 1 when
//    m < 3 2^(p-2), else r = m / 2^p, k = e + p (B = bit p - 2 of m says which). Then
//    t = r - 1 = T / 2^p with T = 2 m' (case A) or m' - 2^(p-1) (case B), m' = m mod 2^(p-1).
//  - v_i = sign_i round_q(|t|^i / i) for i = 1..N (round half up at q fractional bits), sign_i =
//    -1 when t < 0 or i is even: the Taylor terms of ln(1 + t).
//  - L = k LN2 + sum_i v_i with LN2 = round(ln 2 * 2^q); z = round_p(L 2^-q), once.
// The layers of S = sum_i v_i by default (power_terms below), |T| = 2^A y with y = m''
// (case A) or 2^(p-2) - m'' (case B), m'' = m' mod 2^(p-2), so y <= 2^(p-2):
//  1-10  the exact powers y^i, i = 2..N, all at once by Chinese remaindering
//     (circuits/int_power_wide.hpp: residues, CRT terms, one wide block addition); y rather than
//     |T| saves i bits of the i-th power (a seventh of its width at p = 8, and of its primes);
//  11  u_i = floor((floor(|T|^i 2^(q+1-ip)) + i) / 2i) as a linear form per case: the power's
//     bits with weights floor(2^j / 2i) plus the steps of the short remainder sum
//     (rounded_quotient); 12-13  the bits of u_i per case (fb_form_bit);
//  14-15  S from those words, one telescoping read per case (the sign of the odd terms is B),
//  16  OR of the cases. Reading S from the u_i forms directly (two layers less) cost 4.5 times
//     the wires of these layers at p = 8 (335,000 against 75,000): their weights floor(2^j / 2i)
//     have many one bits, so every bit of S telescoped over a long range.
// With "tabulated" (thermometer_terms): 1  thermometer [m' >= v] over the p - 1 low
// significand bits (circuits/short_word_function); 2  each bit of each v_i, a telescoping gate
// over it, the powers and the division by i tabulated at build time: 2^(p-1) thermometer gates,
// exponential size; 3-4  S by iterated addition (fb_form_bit: bit j from the sum mod 2^(j+1)).
// Then, both ways: |L| = |S + k LN2| (k a linear form of the exponent bits), depth 2, one case
// per sign of L (the sign is one gate on the exponent, at layer 1); OR of the two cases;
// fb_round_pack (normalize, round, pack), 4 layers.
// Adding the terms and k LN2 in one sum would save two layers, but its gates fan in over all N q
// term bits with weights up to 2^(q+p): ten times the wires at p = 7, and proofs slow alike.
// The sign of L needs no sum: L > 0 for k >= 1 (L >= ln 2 - ln(4/3)), L < 0 for k <= -1, and for
// k = 0 it is the sign of t, so sign = [2k - B <= -1] = [2e + B + 2(p-1) <= -1], one gate (the
// miter checks this against the spec, which takes the sign from L).
// Non-positive x (sign bit or the canonical zero): z = canonical zero and domain_error = 1.
#include "circuits/log.hpp"

#include <gmpxx.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "circuits/float_blocks.hpp"
#include "circuits/int_mutants.hpp"
#include "circuits/int_power_wide.hpp"
#include "circuits/short_word_function.hpp"
#include "lib/float_word.hpp"

namespace tc {

namespace {

constexpr int kMargin = 4;  // c: the algorithm aims at a relative error 2^-(p+c) before rounding

int bit_width_u(mpz_class v) {
  return v == 0 ? 0 : static_cast<int>(mpz_sizeinbase(v.get_mpz_t(), 2));
}

// round(ln 2 * 2^q), from ln 2 = sum_{i>=1} 1 / (i 2^i): the partial sum to M terms is below
// ln 2 by less than 2^-M / (M + 1), so if both ends of that interval round alike, that is it.
int64_t ln2_fixed(int q, bool p_bits_only, int p) {
  const int bits = p_bits_only ? p : q;  // the mutant rounds ln 2 at precision p
  const int m = bits + 40;
  mpq_class sum = 0;
  for (int i = 1; i <= m; ++i) sum += mpq_class(1, mpz_class(i) * (mpz_class(1) << i));
  sum.canonicalize();
  auto round_half_up = [bits](const mpq_class& v) {
    mpq_class scaled = v * mpq_class(mpz_class(1) << bits) + mpq_class(1, 2);
    mpz_class r;
    mpz_fdiv_q(r.get_mpz_t(), scaled.get_num_mpz_t(), scaled.get_den_mpz_t());
    return r;
  };
  const mpz_class lo = round_half_up(sum);
  const mpz_class hi = round_half_up(sum + mpq_class(1, mpz_class(m + 1) * (mpz_class(1) << m)));
  if (lo != hi) throw std::logic_error("log: ln 2 too close to a rounding boundary");
  return lo.get_si() << (q - bits);
}

// v_i for every m' (the table of layer 2): sign_i * floor((floor(2^(q+1) |T|^i / 2^(ip)) + i) /
// 2i).
std::vector<int64_t> term_table(int p, int q, int i) {
  const int64_t count = int64_t{1} << (p - 1);
  std::vector<int64_t> table(static_cast<size_t>(count));
  for (int64_t mp = 0; mp < count; ++mp) {
    const bool case_b = p >= 2 && ((mp >> (p - 2)) & 1);
    const int64_t t_num = case_b ? mp - (int64_t{1} << (p - 1)) : 2 * mp;  // T, t = T / 2^p
    mpz_class power;
    mpz_pow_ui(power.get_mpz_t(),
               mpz_class(static_cast<unsigned long>(t_num < 0 ? -t_num : t_num)).get_mpz_t(),
               static_cast<unsigned long>(i));
    const int shift = q + 1 - i * p;
    mpz_class twice = shift >= 0 ? mpz_class(power << shift) : mpz_class(power >> -shift);  // floor
    mpz_class u;
    mpz_fdiv_q_ui(u.get_mpz_t(), mpz_class(twice + i).get_mpz_t(),
                  static_cast<unsigned long>(2 * i));
    const bool negative = t_num < 0 || i % 2 == 0;
    table[static_cast<size_t>(mp)] = negative ? -u.get_si() : u.get_si();
  }
  return table;
}

int table_width(const std::vector<int64_t>& table) {
  int64_t lo = 0, hi = 0;
  for (int64_t v : table) lo = std::min(lo, v), hi = std::max(hi, v);
  const int64_t m = std::max(hi, -lo - 1);
  return bit_width_u(m) + 1;  // two's complement
}

// + scale * (two's complement word), the top bit's negative weight moved onto its complement:
// -2^(n-1) s = 2^(n-1) !s - 2^(n-1). Positive weights keep fb_form_bit's reduced sums short.
void add_signed_complemented(LinearForm& form, const Bits& word, int64_t scale) {
  const size_t n = word.size();
  for (size_t i = 0; i + 1 < n; ++i) form.add(word[i], scale << i);
  form.add(!word[n - 1], scale << (n - 1));
  form.constant -= scale << (n - 1);
}

// -form as the same weights on complemented literals: -(c + sum w x) = -c - sum w + sum w !x.
// fb_form_bit reduces weights mod 2^(j+1), which would turn -2^i into 2^(j+1) - 2^i, a weight with
// many one bits; the bit-sliced simulator pays per one bit (4x slower proofs at p = 8).
LinearForm negated_by_complement(const LinearForm& form) {
  LinearForm r;
  r.constant = -form.constant;
  for (const auto& t : form.terms) {
    r.add(!t.bit, t.weight);
    r.constant -= t.weight;
  }
  return r;
}

// The sum of the signed terms, S = sum_i v_i, as a two's complement word, and a bound on |S|.
struct TermSum {
  Bits s;
  int64_t max_abs = 0;
};

// The thermometer construction: layers 1-2 tabulate every v_i over the 2^(p-1) values of m',
// layers 3-4 add them (exponential size).
TermSum thermometer_terms(Circuit& c, const Bits& reduced, int p, const LogConstructionDesign& d,
                          const std::string& mutant) {
  const ShortWord w = swf_thermometer(c, reduced);
  LinearForm terms;
  TermSum sum;
  for (int i = 1; i <= d.terms; ++i) {
    if (mutant == "taylor-term-dropped" && i == 2) continue;
    const std::vector<int64_t> table = term_table(p, d.frac_bits, i);
    int64_t m = 0;
    for (int64_t v : table) m = std::max<int64_t>(m, v < 0 ? -v : v);
    sum.max_abs += m;
    add_signed_complemented(terms, swf_function(c, w, table, table_width(table)), 1);
  }
  const int s_width = bit_width_u(sum.max_abs) + 1;
  for (int j = 0; j < s_width; ++j) sum.s.push_back(fb_form_bit(c, terms, j));
  return sum;
}

// u_i = floor((a + i) / 2i) for a = sum_j a_j 2^j as a linear form: with d = 2i and
// 2^j = d floor(2^j / d) + (2^j mod d), u_i = sum_j a_j floor(2^j / d) + floor(R / d),
// R = i + sum_j a_j (2^j mod d) <= i + (bits)(d - 1), and floor(R / d) = sum_k [R >= k d]: one
// layer of small gates, no divider.
LinearForm rounded_quotient(Circuit& c, const std::vector<std::pair<Signal, int>>& a_bits, int i) {
  const int64_t d = 2 * i;
  LinearForm u, remainder;
  remainder.constant = i;
  for (const auto& [bit, j] : a_bits) {
    const int64_t power = int64_t{1} << j;
    if (power / d != 0) u.add(bit, power / d);
    if (power % d != 0) remainder.add(bit, power % d);
  }
  for (int64_t k = 1; k * d <= remainder.max_value(); ++k)
    u.add(fb_at_least(c, remainder, k * d), 1);
  return u;
}

// The iterated-multiplication construction (polynomial size): the powers y^i by
// int_powers_wide (depth 10); a_i = floor(|T|^i 2^(q+1-ip)) is a slice of their bits (shifted by
// i in case A) and u_i one rounded_quotient layer above, then its bits; S is read per case (the
// sign of the odd terms is the case), ORed: depth 16 in all.
TermSum power_terms(Circuit& c, const Bits& reduced, Signal b, int p,
                    const LogConstructionDesign& d, const std::string& mutant) {
  const int q = d.frac_bits;
  const Bits low(reduced.begin(), reduced.begin() + (p - 2));  // m''
  PowerBaseCase case_a, case_b;  // y = m'' (|T| = 2y) or 2^(p-2) - m'' (|T| = y)
  case_a.value.add_unsigned(low, 1);
  case_a.when = !b;
  case_b.value.constant = int64_t{1} << (p - 2);
  case_b.value.add_unsigned(low, -1);
  case_b.when = b;
  const std::vector<Bits> powers = d.terms >= 2
                                       ? int_powers_wide(c, {case_a, case_b}, int64_t{1} << (p - 2),
                                                         d.terms, mutant == "power-modulus-short")
                                       : std::vector<Bits>{};
  // v_1 = T 2^(q-p) exactly: 2 m'' 2^(q-p) in case A, (m'' - 2^(p-2)) 2^(q-p) in case B.
  LinearForm sum_a, sum_b;
  sum_a.add_unsigned(low, int64_t{2} << (q - p));
  sum_b.add_unsigned(low, int64_t{1} << (q - p));
  sum_b.constant -= int64_t{1} << (q - 2);
  TermSum sum;
  sum.max_abs = int64_t{1} << (q - 1);
  for (int i = 2; i <= d.terms; ++i) {
    // |v_i| <= floor((2^(q+1-i) + i) / 2i) since |t| <= 1/2.
    const int64_t u_max = ((int64_t{1} << (q + 1 - i)) + i) / (2 * i);
    sum.max_abs += u_max;
    if (mutant == "taylor-term-dropped" && i == 2) continue;
    // u_i as a word, per case (|T|^i = 2^i y^i in case A): the sum S then adds words, whose
    // power-of-two weights keep its telescoping short (a third of the wires at p = 8).
    const auto u_word = [&](int case_shift) {
      std::vector<std::pair<Signal, int>> a_bits;  // bit b of y^i weighs 2^j in a_i
      for (int bit = 0; bit < static_cast<int>(powers[i].size()); ++bit)
        if (const int j = bit + case_shift + q + 1 - i * p; j >= 0)
          a_bits.emplace_back(powers[i][bit], j);
      const LinearForm form = rounded_quotient(c, a_bits, i);
      Bits bits;
      for (int j = 0; j < bit_width_u(u_max); ++j) bits.push_back(fb_form_bit(c, form, j));
      LinearForm u;
      u.add_unsigned(bits, 1);
      return u;
    };
    const LinearForm u_a = u_word(i), u_b = u_word(0);
    sum_a.add_form(i % 2 ? u_a : negated_by_complement(u_a), 1);
    sum_b.add_form(negated_by_complement(u_b), 1);
  }
  const int s_width = bit_width_u(sum.max_abs) + 1;
  for (int j = 0; j < s_width; ++j)
    sum.s.push_back(c.create_or(fb_form_bit(c, sum_a, j, {!b}), fb_form_bit(c, sum_b, j, {b})));
  return sum;
}

}  // namespace

LogConstructionDesign log_construction_design(int p) {
  // N: the least number of terms whose Taylor remainder enclosure 2|t|^(N+1)/(N+1) is at most
  // 2^-(p+c+1) relative to ln(1 + t) at t = 1/2, the worst point (ln(3/2) rounded down to 0.405).
  LogConstructionDesign d;
  int n = 1;
  while (std::ldexp(1.0, p + kMargin + 1 - n) > (n + 1) * 0.405) ++n;
  d.terms = n;
  // q: N - 1 rounded terms (the first is exact), each off by at most 2^-(q+1), stay below
  // 2^-(p+c+1) relative to |ln(1 + t)| >= 2^-p.
  int log2_terms = 0;
  while ((1 << log2_terms) < n - 1) ++log2_terms;
  d.frac_bits = 2 * p + kMargin + log2_terms;
  return d;
}

const std::vector<Mutant>& log_mutants() {
  static const std::vector<Mutant> mutants = {
      {"taylor-term-dropped", "the second-order term -t^2/2 is left out of the sum"},
      {"ln2-at-p-bits",
       "ln 2 is rounded at the output precision p instead of the working precision q"},
      {"normalization-off-by-one",
       "k = e + p - 2 (resp. e + p - 1): the exponent of the reduced "
       "argument is off by one"},
      {"sign-from-exponent",
       "the sign of the result is taken from k alone: ln x for x in [3/4, 1) "
       "comes out positive"},
      {"negative-input-accepted", "x < 0 is treated as |x| (no domain error, z = ln |x|)"},
      {"power-modulus-short",
       "the Chinese-remainder modulus of each power y^i (|T|^i = 2^A y^i) is too small "
       "(its largest primes dropped until M <= max y^i), so the largest "
       "powers wrap modulo M (a mistake of the iterated multiplication, which it builds also under "
       "--tabulated: the tabulation has no powers)"},
      {"taylor-terms-short",
       "the design uses N - 1 Taylor terms for the same claimed truncation "
       "bound (lemma-level: the truncation lemma must fail)",
       true},
      {"working-precision-short",
       "the design uses q - 1 fractional bits for the same claimed "
       "rounding budget (lemma-level: the rounding lemma must fail)",
       true},
  };
  return mutants;
}

Circuit log_construction(const Params& params) {
  const std::string& mutant = params.mutant;
  bool known = mutant.empty();
  for (const Mutant& m : log_mutants()) known = known || m.name == mutant;
  if (!known) int_unknown_mutant("log", mutant);
  // The power mutant is a mistake of the iterated multiplication, so it builds that.
  const bool polynomial = !params.flag("tabulated") || mutant == "power-modulus-short";

  const FloatFormat f = float_format(params);
  const int p = f.p;
  const LogConstructionDesign d = log_construction_design(p);
  const int q = d.frac_bits;
  Circuit c("log");
  const FloatBits x = split_float(add_float_input(c, "x", f), f);
  const Signal positive_lead = x.magnitude[p - 1];  // valid words: nonzero iff the leading bit
  const Signal b = x.magnitude[p - 2];              // r = m / 2^p (case B)
  const Bits reduced(x.magnitude.begin(), x.magnitude.begin() + (p - 1));  // m'

  const TermSum terms = polynomial ? power_terms(c, reduced, b, p, d, mutant)
                                   : thermometer_terms(c, reduced, p, d, mutant);
  const Bits& s = terms.s;
  const int64_t max_abs_sum = terms.max_abs;

  // L = S + k LN2 with k = e + p - 1 + B.
  const int64_t ln2 = ln2_fixed(q, mutant == "ln2-at-p-bits", p);
  const int64_t k_offset = mutant == "normalization-off-by-one" ? p - 2 : p - 1;
  LinearForm l;
  add_signed_complemented(l, s, 1);
  add_signed_complemented(l, x.exponent, ln2);
  l.add(b, ln2);
  l.constant += k_offset * ln2;

  // The sign of L: [2k - B <= -1], or [k <= -1] for the mutant.
  LinearForm sign_form;
  sign_form.add_signed(x.exponent, 2);
  sign_form.add(b, mutant == "sign-from-exponent" ? 2 : 1);
  sign_form.constant = 2 * (p - 1);
  const Signal negative = fb_at_most(c, sign_form, -1);

  // Layers 5-7: |L| <= |k|max LN2 + sum |v_i|, |k| <= 2^(E-1) + p; one sum per sign, then OR.
  const int64_t k_max = (int64_t{1} << (f.e - 1)) + p;
  const int width = bit_width_u(mpz_class(k_max) * ln2 + max_abs_sum);
  const LinearForm minus_l = negated_by_complement(l);
  Bits magnitude;
  for (int j = 0; j < width; ++j)
    magnitude.push_back(
        c.create_or(fb_form_bit(c, l, j, {!negative}), fb_form_bit(c, minus_l, j, {negative})));

  UnroundedValue value;
  value.n = magnitude;
  value.lead_lo = std::max(0, q - p);  // |L| >= 2^(q-p) unless L = 0 (|t| >= 2^-p)
  value.exponent.constant = -q;
  value.sign = negative;
  Bits enable{positive_lead};
  if (mutant != "negative-input-accepted") enable.push_back(!x.sign);
  add_float_output(c, "z", fb_round_pack(c, value, f, enable), f);
  const Signal domain_error =
      mutant == "negative-input-accepted" ? !positive_lead : c.create_or(!positive_lead, x.sign);
  c.add_output_word("domain_error", {domain_error}, Decoding::boolean());
  return c;
}

}  // namespace tc
