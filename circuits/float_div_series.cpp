// fdiv's series quotient (the default): Q = floor(X / Y) and the sticky bit in constant depth and
// polynomial size, from a truncated geometric series for 1/y whose powers come from int_power
// (Chinese remaindering, circuits/int_crt.hpp, as exp's Taylor powers do), then a constant number
// of comparisons [X - k Y >= 0] next to the approximation.
//
// Why a table of 2^k reciprocals first. With t = 1 - y <= 1/2 (the plain series), term i needs
// about p - i + g significant bits of t, so t^i is an int_power of width i (p - i + g), peaking
// near (p + g)^2 / 4 bits: past int_power's CRT range (about 56 bits) from p = 8 on. A constant
// c_j ~ 1/y picked by the k divisor bits below its leading one makes t = 1 - c_j y <= ~2^-k, so
// about (p + g) / k terms suffice and the widths peak near (p + g)^2 / (4 k); the design takes the
// least k >= 1 whose powers all fit (k = 1 .. 4 for p <= 16; 2^k table entries, polynomial).
//
// The bound (every constant below is computed by float_div_series_design and checked there).
// Normalized m_x, m_y in [2^(p-1), 2^p), y = m_y 2^-p in [1/2, 1), X = m_x 2^(p+1), Y = m_y,
// so X / Y = 2 m_x / y.
//  1. Table: j = the k bits of m_y below its leading one, so y in [a_j, b_j), a_j = (2^k + j)
//     2^-(k+1), b_j = a_j + 2^-(k+1). c_j = C_j 2^-K with C_j = floor(2^K / b_j), hence c_j y < 1
//     and t = 1 - c_j y in (0, t_max], t_max = max_j (1 - c_j a_j). T = t 2^L = 2^L - C_j m_y is
//     an integer (L = K + p) and 1/y = c_j / (1 - t) = c_j sum_(i>=0) t^i.
//  2. Terms: T_i = floor(T / 2^s_i) and t_i = T_i 2^(s_i - L), so t - (2^s_i - 1) 2^-L <= t_i <= t;
//     P_i = floor(T_i^i 2^(F - i (L - s_i))) (exact when that exponent is >= 0), P_0 = 2^F. By the
//     mean value theorem (0 <= t_i <= t <= t_max) 0 <= t^i - P_i 2^-F <= e_i with
//     e_i = i t_max^(i-1) (2^s_i - 1) 2^-L + [P_i truncated] 2^-F.
//  3. R = sum_(i<m) P_i 2^-F: 0 <= 1/(1 - t) - R <= E_R = t_max^m / (1 - t_max) + sum_i e_i
//     (the tail of the series plus the term errors; every error has the same sign).
//  4. W = m_x C_j and S = 2 W sum_i P_i = 2 m_x c_j R 2^(K+F). Partial products W_a P_i,c of
//     column below low_column are left out: S' = S - dropped, 0 <= dropped <= Drop (the sum of
//     2^column over every left-out partial product). Q0 = floor(S' / 2^(K+F)).
//  5. X / Y - Q0 = 2 m_x c_j (1/(1-t) - R) + dropped 2^-(K+F) + frac(S' / 2^(K+F)) lies in
//     [0, B + 1) with B = 2 (2^p - 1) c_max E_R + Drop 2^-(K+F). So Q = floor(X / Y) lies in
//     [Q0, Q0 + D] with D = ceil(B): Q0 <= X / Y gives Q0 <= Q, and Q <= X / Y < Q0 + B + 1.
//     The design aims at B < 3/4 (E_R <= 1 / (2^(p+2) c_max) split 1/4 tail, 1/4 term
//     truncation, 1/2 power shifts, and Drop <= 2^(K+F-2)), so D = 1: one candidate, Q0 + 1.
//  6. Correction: for d = 0 .. D, t_d = [X - (Q0 + d) Y >= 0] (t_0 = 1 by 5) and
//     u_d = [X - (Q0 + d) Y >= 1]. For Y >= 1 they are nested (t_d >= u_d >= t_(d+1)), so
//     Q = Q0 + sum_(d=1..D) t_d, and the remainder is nonzero iff an odd number of the steps
//     u_0, t_1, u_1, .., t_D, u_D holds (the last step that holds is a u). Each is one gate over
//     the partial products Q0_a m_y,b.
// Zero operands (the cut's conventions): W's bits carry the condition [m_y != 0], so m_y = 0 gives
// Q0 = 0, every t_d holds, and the form for Q adds (2^(p+2) - 1 - D) [m_y = 0]: Q = 2^(p+2) - 1;
// the sticky is ANDed with [m_y != 0]. m_x = 0 gives W = 0, Q0 = 0 and no t_d, u_0: Q = 0,
// sticky 0.
//
// Layers: table selectors and C_j m_y, C_j m_x partial sums 1; T and W 3; powers 7 (int_power);
// partial products W P_i 8; Q0 10; partial products Q0 m_y 11; t_d, u_d 12; sticky 13; Q 14.
#include <gmpxx.h>

#include <algorithm>
#include <stdexcept>

#include "circuits/float_blocks.hpp"
#include "circuits/float_div_quotient.hpp"
#include "circuits/int_crt.hpp"

namespace tc {

namespace {

int64_t pow2(int k) { return int64_t{1} << k; }

// The table size: 2^k < 4 p entries (k = ceil(log2 p) + 1), so t <= ~2^-k and about
// (p + 6) / k terms; larger only where a power would not fit int_power.
int kTableBits(int p) {
  int k = 1;
  while ((1 << (k - 1)) < p) ++k;
  return k;
}

int bits_of(const mpz_class& v) {
  return v == 0 ? 0 : static_cast<int>(mpz_sizeinbase(v.get_mpz_t(), 2));
}

mpq_class pow2q(int k) {
  mpq_class r = 1;
  r.get_num() <<= std::max(k, 0);
  r.get_den() <<= std::max(-k, 0);
  return r;
}

mpz_class floor_of(const mpq_class& v) {
  mpz_class r;
  mpz_fdiv_q(r.get_mpz_t(), v.get_num_mpz_t(), v.get_den_mpz_t());
  return r;
}

// Largest positions of S's partial products: term i's word has this many bits and this shift.
struct TermWord {
  int lo = 0;     // lowest power bit kept
  int width = 0;  // bits kept
  int shift = 0;  // P_i = word * 2^shift
};

TermWord term_word(const FloatDivSeriesDesign& d, int i, const mpq_class& t_max) {
  TermWord w;
  const int lo = i * (d.L - d.s[i]) - d.F;
  const int power_bits = i * d.power_width[i];
  if (lo >= 0) {
    w.lo = lo;
    mpq_class largest = pow2q(d.F);
    for (int n = 0; n < i; ++n) largest *= t_max;
    w.width = std::min(bits_of(floor_of(largest)), std::max(power_bits - lo, 0));
  } else {
    w.shift = -lo;
    w.width = power_bits;
  }
  return w;
}

// The design at table size k, or false when some power is too wide for int_power.
bool design_at(int p, int k, FloatDivSeriesDesign& d) {
  d = FloatDivSeriesDesign{};
  d.p = p;
  d.k = k;
  d.K = k + 3;
  d.L = d.K + p;
  mpq_class t_max = 0, c_max = 0;
  for (int64_t j = 0; j < pow2(k); ++j) {
    const mpq_class a(mpz_class(pow2(k) + j), mpz_class(pow2(k + 1)));
    const mpq_class b(mpz_class(pow2(k) + j + 1), mpz_class(pow2(k + 1)));
    const mpz_class C = floor_of(pow2q(d.K) / b);
    d.C.push_back(C.get_si());
    const mpq_class c = mpq_class(C) / pow2q(d.K);
    t_max = std::max(t_max, mpq_class(1 - c * a));
    c_max = std::max(c_max, c);
  }
  d.T_max = floor_of(t_max * pow2q(d.L)).get_si();  // t_max 2^L is an integer
  d.T_width = bits_of(mpz_class(d.T_max));

  const mpq_class E = 1 / (pow2q(p + 2) * c_max);  // the budget for E_R
  mpq_class tail = t_max / (1 - t_max);
  for (d.m = 1; tail > E / 4; ++d.m) tail *= t_max;  // tail = t_max^m / (1 - t_max)
  d.m = std::max(d.m, 2);
  tail = 1 / (1 - t_max);
  for (int i = 0; i < d.m; ++i) tail *= t_max;
  for (d.F = 0; mpq_class(d.m - 1) / pow2q(d.F) > E / 4;) ++d.F;

  // s_i: the largest shift with i t_max^(i-1) (2^s - 1) 2^-L <= E / (2 (m - 1)), keeping a bit.
  mpq_class error_R = tail;
  d.s.assign(d.m, 0);
  d.power_width.assign(d.m, 0);
  mpq_class t_power = 1;  // t_max^(i-1)
  for (int i = 1; i < d.m; ++i) {
    if (i >= 2) {
      t_power *= t_max;
      const mpq_class slope = i * t_power / pow2q(d.L);
      while (d.s[i] + 1 < d.T_width && slope * (pow2(d.s[i] + 1) - 1) <= E / (2 * (d.m - 1)))
        ++d.s[i];
      error_R += slope * (pow2(d.s[i]) - 1);
    }
    d.power_width[i] = bits_of(mpz_class(d.T_max >> d.s[i]));
    if (i >= 2 && !int_power_fits(d.power_width[i], i)) return false;
    if (i * (d.L - d.s[i]) > d.F) error_R += 1 / pow2q(d.F);  // P_i truncated
  }

  // W = m_x C_j, and the columns of S that are left out.
  d.W_width = bits_of(mpz_class((pow2(p) - 1) * *std::max_element(d.C.begin(), d.C.end())));
  const auto dropped = [&](int low_column) {
    mpz_class sum = 0;
    for (int a = 0; a < d.W_width; ++a) {
      if (1 + a + d.F < low_column) sum += mpz_class(1) << (1 + a + d.F);
      for (int i = 1; i < d.m; ++i) {
        const TermWord w = term_word(d, i, t_max);
        for (int c = 0; c < w.width; ++c)
          if (1 + a + c + w.shift < low_column) sum += mpz_class(1) << (1 + a + c + w.shift);
      }
    }
    return sum;
  };
  const mpz_class drop_budget = mpz_class(1) << (d.K + d.F - 2);
  while (d.low_column < d.K + d.F && dropped(d.low_column + 1) <= drop_budget) ++d.low_column;
  const mpq_class B =
      2 * (pow2q(p) - 1) * c_max * error_R + mpq_class(dropped(d.low_column)) / pow2q(d.K + d.F);
  d.D = static_cast<int>(floor_of(B).get_si()) + 1;  // ceil(B) for B not an integer
  if (B == floor_of(B)) d.D -= 1;
  d.bound = B.get_d();
  if (d.K + d.F + p + 2 > 60)
    throw std::invalid_argument("fdiv: the series quotient's weights leave int64 at p = " +
                                std::to_string(p));
  return true;
}

// AND of the literals saying that the k bits of m_y below its leading one spell j.
Bits table_literals(const Bits& m_y, int k, int64_t j) {
  const int p = static_cast<int>(m_y.size());
  Bits lits;
  for (int b = 0; b < k; ++b)
    lits.push_back(((j >> b) & 1) ? m_y[p - 1 - k + b] : !m_y[p - 1 - k + b]);
  return lits;
}

// sum_j [table = j] C_j (word without the table bits) + constant_j, one AND per (j, bit):
// C_j m for m = m_y (whose top bits are the table index) or m = m_x.
LinearForm table_product(Circuit& c, const FloatDivSeriesDesign& d, const Bits& m_y,
                         const Bits& word, int64_t sign, bool word_is_divisor) {
  LinearForm form;
  const int p = d.p;
  const int top = word_is_divisor ? p - 1 - d.k : p;
  std::vector<int> groups;  // per bit: the cases j exclude each other
  for (int b = 0; b < top; ++b) groups.push_back(form.new_group());
  for (int64_t j = 0; j < pow2(d.k); ++j) {
    const Bits lits = table_literals(m_y, d.k, j);
    if (word_is_divisor) {
      // m_y = 2^(p-1) + j 2^(p-1-k) + (low bits): the known part is a constant of case j.
      form.add(c.create_and(lits), sign * d.C[j] * (pow2(p - 1) + j * pow2(p - 1 - d.k)));
    }
    for (int b = 0; b < top; ++b) {
      Bits all = lits;
      all.push_back(word[b]);
      form.add(c.create_and(all), sign * d.C[j] * pow2(b), groups[b]);
    }
  }
  return form;
}

}  // namespace

FloatDivSeriesDesign float_div_series_design(int p) {
  FloatDivSeriesDesign d;
  for (int k = std::min(kTableBits(p), p - 1); k <= p - 1; ++k)
    if (design_at(p, k, d)) return d;
  throw std::invalid_argument("fdiv: no series design fits int_power's widths at p = " +
                              std::to_string(p));
}

SignificandQuotient float_div_series_quotient(Circuit& c, const Bits& m_x, const Bits& m_y,
                                              const std::string& mutant) {
  const int p = static_cast<int>(m_x.size());
  const FloatDivSeriesDesign d = float_div_series_design(p);
  const Signal y_nonzero = m_y[p - 1];  // zero or normalized: the leading bit decides

  // T = 2^L - C_j m_y (table groups are exclusive; the form is read only for normalized m_y).
  LinearForm t_form = table_product(c, d, m_y, m_y, -1, true);
  t_form.constant = pow2(d.L);
  Bits T;
  for (int b = 0; b < d.T_width; ++b) T.push_back(fb_form_bit(c, t_form, b));
  // W = m_x C_j, zero for a zero divisor.
  const LinearForm w_form = table_product(c, d, m_y, m_x, 1, false);
  Bits W;
  for (int b = 0; b < d.W_width; ++b) W.push_back(fb_form_bit(c, w_form, b, {y_nonzero}));

  // S' = 2 W sum_i P_i without the columns below low_column (and none above Q0's top bit).
  const int top_column = d.K + d.F + p + 1;
  LinearForm s_form;
  const auto add_product = [&](Signal a, int column) {
    if (column >= d.low_column && column <= top_column) s_form.add(a, pow2(column));
  };
  for (int a = 0; a < d.W_width; ++a) add_product(W[a], 1 + a + d.F);  // P_0 = 2^F
  mpq_class t_max(mpz_class(d.T_max), mpz_class(1));
  t_max /= pow2q(d.L);
  for (int i = 1; i < d.m; ++i) {
    if (i == 1 && mutant == "series-term-dropped") continue;
    const Bits power =
        int_power(c, Bits(T.begin() + d.s[i], T.begin() + d.s[i] + d.power_width[i]), i);
    const TermWord w = term_word(d, i, t_max);
    for (int a = 0; a < d.W_width; ++a)
      for (int b = 0; b < w.width; ++b) {
        const int column = 1 + a + b + w.shift;
        if (column >= d.low_column && column <= top_column)
          add_product(c.create_and(W[a], power[w.lo + b]), column);
      }
  }
  Bits Q0;
  for (int b = 0; b < p + 2; ++b) Q0.push_back(fb_form_bit(c, s_form, d.K + d.F + b));

  // Candidates Q0 + d: X - (Q0 + d) Y over the partial products Q0_a m_y,b.
  LinearForm remainder;  // X - Q0 Y
  remainder.add_unsigned(m_x, pow2(p + 1));
  for (int a = 0; a < p + 2; ++a)
    for (int b = 0; b < p; ++b) remainder.add(c.create_and(Q0[a], m_y[b]), -pow2(a + b));
  const int D = d.D;
  Bits steps;  // u_0, t_1, u_1, .., t_D, u_D: nested for Y >= 1
  LinearForm q_form;
  q_form.add_unsigned(Q0, 1);
  q_form.add(!y_nonzero, pow2(p + 2) - 1 - D);
  for (int k = 0; k <= D; ++k) {
    LinearForm r = remainder;
    r.add_unsigned(m_y, -k);
    if (k > 0) {
      steps.push_back(fb_at_least(c, r, 0));
      q_form.add(steps.back(), 1);
    }
    steps.push_back(fb_at_least(c, r, 1));
  }
  SignificandQuotient out;
  for (int b = 0; b < p + 2; ++b) out.q.push_back(fb_form_bit(c, q_form, b));
  std::vector<bool> odd;
  for (size_t n = 0; n <= steps.size(); ++n) odd.push_back(n % 2 == 1);
  out.sticky = fb_select_by_steps(c, steps, odd, {y_nonzero});
  return out;
}

}  // namespace tc
