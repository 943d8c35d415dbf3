// Wide integer powers by Chinese remaindering (see int_power_wide.hpp). The reasoning for the
// t steps is int_crt.cpp's crt_reconstruct, restated for a GMP modulus: with e_j the residue of
// (M / m_j)^-1 y^i mod m_j and C_j = (M / m_j) e_j, Y = sum_j C_j = t M + y^i, and
// A = sum_j floor(2^k e_j / m_j) decides [t >= s] as [A >= 2^k s - r + 1] because
// 2^k (M - y_max^i) >= r M (the plan picks k).
#include "circuits/int_power_wide.hpp"

#include <gmpxx.h>

#include <algorithm>
#include <stdexcept>

#include "circuits/float_sum_blocks.hpp"

namespace tc {

namespace {

constexpr int kMaxScaleBits = 30;  // 2^k, the scale of the fractions that find t
constexpr int kAdderBlock = 1;  // every block as narrow as the column height allows

struct WidePlan {
  std::vector<int64_t> moduli;  // 2, 3, 5, ...: a prefix of the primes
  mpz_class modulus = 1;        // M
  int k = 0;
};

// Primes until M > x_max and 2^kMaxScaleBits (M - x_max) >= r M; k the least scale that works.
// small_modulus then drops the largest primes until M <= x_max (k kept).
WidePlan wide_plan(const mpz_class& x_max, bool small_modulus) {
  WidePlan plan;
  auto fits = [&](int k) {
    return plan.modulus > x_max &&
           mpz_class(plan.modulus - x_max) << k >= mpz_class(plan.moduli.size()) * plan.modulus;
  };
  mpz_class prime = 2;
  while (!fits(kMaxScaleBits)) {
    plan.moduli.push_back(prime.get_si());
    plan.modulus *= prime;
    mpz_nextprime(prime.get_mpz_t(), prime.get_mpz_t());
  }
  while (!fits(plan.k)) ++plan.k;
  if (small_modulus)
    while (plan.moduli.size() > 1 && plan.modulus > x_max) {
      plan.modulus /= plan.moduli.back();
      plan.moduli.pop_back();
    }
  return plan;
}

int64_t pow_mod(int64_t base, int64_t exponent, int64_t m) {
  mpz_class r;
  mpz_powm_ui(r.get_mpz_t(), mpz_class(base).get_mpz_t(), static_cast<unsigned long>(exponent),
              mpz_class(m).get_mpz_t());
  return r.get_si();
}

// one_hot[u]: the signals "y mod m = u", one per case (at most one holds).
std::vector<Bits> one_hot_residues(Circuit& circuit, const std::vector<PowerBaseCase>& cases,
                                   int64_t m) {
  std::vector<Bits> one_hot(static_cast<size_t>(m));
  for (const PowerBaseCase& base : cases) {
    // S == y (mod m), every weight reduced into [0, m): 0 <= S <= (terms + 1)(m - 1).
    LinearForm s;
    s.constant = ((base.value.constant % m) + m) % m;
    for (const auto& term : base.value.terms)
      if (const int64_t w = ((term.weight % m) + m) % m; w != 0) s.add(term.bit, w);
    Bits steps;  // [S >= v], v = 1 .. max: S mod m changes at every v
    for (int64_t v = 1; v <= s.max_value(); ++v) steps.push_back(fb_at_least(circuit, s, v));
    const Bits when = base.when == kTrue ? Bits{} : Bits{base.when};
    for (int64_t u = 0; u < m; ++u) {
      std::vector<bool> is_u;
      for (int64_t v = 0; v <= static_cast<int64_t>(steps.size()); ++v) is_u.push_back(v % m == u);
      const Signal hit = fb_select_by_steps(circuit, steps, is_u, when);
      if (hit != kFalse) one_hot[static_cast<size_t>(u)].push_back(hit);
    }
  }
  return one_hot;
}

Bits wide_power(Circuit& circuit, const std::vector<std::vector<Bits>>& one_hots,
                const WidePlan& plan, int exponent, int width) {
  const int64_t r = static_cast<int64_t>(plan.moduli.size());
  LinearForm scaled;  // A
  Columns columns(static_cast<size_t>(width));
  for (size_t j = 0; j < plan.moduli.size(); ++j) {
    const int64_t m = plan.moduli[j];
    const mpz_class cofactor = plan.modulus / m;
    const int64_t inverse = pow_mod(mpz_class(cofactor % m).get_si(), m - 2, m);  // m prime
    std::vector<Bits> bit_hits(static_cast<size_t>(width));  // bit b of C_j: exclusive one-hots
    for (int64_t u = 0; u < m; ++u) {
      const int64_t e = inverse * pow_mod(u, exponent, m) % m;
      const int64_t fraction = (e << plan.k) / m;
      const mpz_class term = cofactor * e;  // C_j when y == u (mod m)
      for (Signal hit : one_hots[j][static_cast<size_t>(u)]) {
        if (fraction != 0) scaled.add(hit, fraction);
        for (int b = 0; b < width; ++b)
          if (mpz_tstbit(term.get_mpz_t(), static_cast<mp_bitcnt_t>(b))) bit_hits[b].push_back(hit);
      }
    }
    for (int b = 0; b < width; ++b)
      if (!bit_hits[b].empty()) columns[b].push_back(circuit.create_or(bit_hits[b]));
  }
  const mpz_class wrap = mpz_class(1) << width;
  // -t M mod 2^W as one word: each bit a function of t, one gate over the nested steps [t >= s]
  // (one layer more than adding the r - 1 step words, but half the column height for the adder).
  Bits t_steps;
  for (int64_t s = 1; s < r; ++s) t_steps.push_back(fb_at_least(circuit, scaled, (s << plan.k) - r + 1));
  for (int b = 0; b < width; ++b) {
    std::vector<bool> bit_of_minus_tm;
    for (int64_t t = 0; t < r; ++t) {
      const mpz_class v = mpz_class(wrap - mpz_class(t * plan.modulus) % wrap) % wrap;
      bit_of_minus_tm.push_back(mpz_tstbit(v.get_mpz_t(), static_cast<mp_bitcnt_t>(b)));
    }
    const Signal bit = fb_select_by_steps(circuit, t_steps, bit_of_minus_tm);
    if (bit != kFalse) columns[b].push_back(bit);
  }
  return fsb_add_columns(circuit, columns, width, kAdderBlock);
}

}  // namespace

std::vector<Bits> int_powers_wide(Circuit& circuit, const std::vector<PowerBaseCase>& cases,
                                  int64_t y_max, int k, bool small_modulus) {
  if (cases.empty()) throw std::invalid_argument("int_powers_wide: no base case");
  if (k < 2) throw std::invalid_argument("int_powers_wide: the exponent must be at least 2");
  if (y_max < 1) throw std::invalid_argument("int_powers_wide: y_max must be at least 1");
  const int base_width = static_cast<int>(mpz_sizeinbase(mpz_class(y_max).get_mpz_t(), 2));
  std::vector<WidePlan> plans(static_cast<size_t>(k) + 1);
  size_t primes = 0;
  for (int i = 2; i <= k; ++i) {
    mpz_class x_max;
    mpz_pow_ui(x_max.get_mpz_t(), mpz_class(y_max).get_mpz_t(), static_cast<unsigned long>(i));
    plans[i] = wide_plan(x_max, small_modulus);
    primes = std::max(primes, plans[i].moduli.size());
  }
  // The residues of y, shared by every power (each plan's primes are a prefix of the largest).
  const WidePlan& largest = *std::max_element(
      plans.begin(), plans.end(), [](const WidePlan& a, const WidePlan& b) { return a.moduli.size() < b.moduli.size(); });
  std::vector<std::vector<Bits>> one_hots;
  for (size_t j = 0; j < primes; ++j) one_hots.push_back(one_hot_residues(circuit, cases, largest.moduli[j]));
  std::vector<Bits> powers(static_cast<size_t>(k) + 1);
  for (int i = 2; i <= k; ++i) powers[i] = wide_power(circuit, one_hots, plans[i], i, i * base_width);
  return powers;
}

}  // namespace tc
