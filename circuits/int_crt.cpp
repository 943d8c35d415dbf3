// Iterated product and powers by Chinese remaindering (see int_crt.hpp).
//
// Every step computes a function of a bounded integer sum, in the telescoping style of
// int_arith.hpp: f(S) is known from the nested steps [S >= v] at the points v where f changes, a
// Boolean f is one gate above them (fb_select_by_steps), and an integer f is the linear form
// f(0) + sum_v (f(v) - f(v - 1)) [S >= v], which the next layer's gates read directly.
//
// Layers of int_iterated_product (X = x_1 ... x_n < M = m_1 ... m_r, primes m_j):
//   1    [S_ij >= v], S_ij = sum_b x_ib (2^b mod m_j) == x_i (mod m_j), a sum below |x_i| m_j;
//   2    [L_j >= v], L_j = sum_i log_g(x_i mod m_j), with log 0 := Z = n (m_j - 2) + 1, larger than
//        any sum of n logarithms, so L_j >= Z exactly when some x_i == 0 (mod m_j); then
//        X mod m_j = g^(L_j mod (m_j - 1)) below Z, else 0: a function of L_j;
//   3    the bits of C_j = c_j(X mod m_j), c_j(u) = (M / m_j) ((M / m_j)^-1 u mod m_j), each a
//        Boolean function of L_j; Y = sum_j C_j == X (mod M), so X = Y - t M with t = floor(Y / M)
//        < r; and the steps [t >= s], from the scaled fractions A = sum_j floor(2^k C_j / M)
//        (crt_reconstruct proves the thresholds);
//   4-5  X mod 2^W = (sum_j C_j + sum_s [t >= s] (-M mod 2^W)) mod 2^W: 2r - 1 words added by
//        the depth-2 column sums of int_arith.hpp (power-of-two weights, which keep the gates'
//        BDDs, and so the CNF of the block, small).
// int_power skips the logarithms: y^k mod m_j is a function of S_j = sum_b y_b (2^b mod m_j), so
// its C_j bits and t steps sit at layer 2 and its bits at layer 4.
#include "circuits/int_crt.hpp"

#include <cassert>
#include <functional>
#include <optional>
#include <stdexcept>

#include "circuits/float_blocks.hpp"
#include "circuits/int_arith.hpp"

namespace tc {

namespace {

using u128 = unsigned __int128;

constexpr int kMaxWidth = 60;
constexpr int kMaxScaleBits = 30;             // 2^k, the scale of the fractions that find t

int64_t pow_mod(int64_t base, int64_t exponent, int64_t m) {
  int64_t result = 1 % m;
  base %= m;
  for (; exponent > 0; exponent >>= 1) {
    if (exponent & 1) result = result * base % m;
    base = base * base % m;
  }
  return result;
}

bool is_prime(int64_t m) {
  if (m < 2) return false;
  for (int64_t d = 2; d * d <= m; ++d)
    if (m % d == 0) return false;
  return true;
}

// The least g whose powers run through every nonzero residue of the prime m.
int64_t primitive_root(int64_t m) {
  if (m == 2) return 1;
  std::vector<int64_t> factors;  // the prime factors of m - 1
  for (int64_t rest = m - 1, d = 2; rest > 1; ++d)
    if (rest % d == 0) {
      factors.push_back(d);
      while (rest % d == 0) rest /= d;
    }
  for (int64_t g = 2;; ++g) {
    bool generates = true;
    for (int64_t q : factors) generates = generates && pow_mod(g, (m - 1) / q, m) != 1;
    if (generates) return g;
  }
}

// The moduli, their product M and the scale 2^k of the fractions that find t = floor(Y / M).
struct CrtPlan {
  std::vector<int64_t> moduli;  // distinct primes, increasing
  u128 modulus = 1;             // M
  int k = 0;
};

// Primes 2, 3, 5, ... until M > x_max and 2^k (M - x_max) >= r M for some k <= kMaxScaleBits
// (the least such k is taken). nullopt when some gate's weights could leave int64.
std::optional<CrtPlan> crt_plan(u128 x_max, int width) {
  if (width < 1 || width > kMaxWidth) return std::nullopt;
  CrtPlan plan;
  auto scale_fits = [&] {
    const u128 r = plan.moduli.size();
    return plan.modulus > x_max && (plan.modulus - x_max) << kMaxScaleBits >= r * plan.modulus;
  };
  for (int64_t m = 2; !scale_fits(); ++m) {
    if (!is_prime(m)) continue;
    plan.moduli.push_back(m);
    plan.modulus *= m;
    if (plan.modulus >= u128{1} << 62) return std::nullopt;
  }
  const u128 r = plan.moduli.size();
  while ((plan.modulus - x_max) << plan.k < r * plan.modulus) ++plan.k;
  // The column sums: 2r - 1 words of `width` bits.
  if ((2 * r) << width >= u128{kMaxGateWeightSum}) return std::nullopt;  // create_threshold's bound
  return plan;
}

// The plan for the product of words of these widths, or nullopt.
std::optional<CrtPlan> product_plan(const std::vector<int>& widths, int* total) {
  int width = 0;
  for (int w : widths) {
    if (w < 1) return std::nullopt;
    width += w;
  }
  *total = width;
  if (width > kMaxWidth) return std::nullopt;
  u128 x_max = 1;
  for (int w : widths) x_max *= (u128{1} << w) - 1;
  return crt_plan(x_max, width);
}

std::vector<int> widths_of(const std::vector<Bits>& words) {
  std::vector<int> widths;
  for (const Bits& w : words) widths.push_back(static_cast<int>(w.size()));
  return widths;
}

// --- functions of bounded sums -----------------------------------------------------------------

// f(form) for a form whose value lies in [lo, hi], as nested steps and the value on each segment.
struct StepFunction {
  Bits steps;                   // steps[i] = [form >= v_i], v_i increasing
  std::vector<int64_t> values;  // values[c]: f when exactly c steps hold
};

StepFunction crt_steps(Circuit& circuit, const LinearForm& form, int64_t lo, int64_t hi,
                       const std::function<int64_t(int64_t)>& f) {
  StepFunction s;
  s.values.push_back(f(lo));
  for (int64_t v = lo + 1; v <= hi; ++v) {
    const int64_t fv = f(v);
    if (fv == s.values.back()) continue;
    s.steps.push_back(fb_at_least(circuit, form, v));
    s.values.push_back(fv);
  }
  return s;
}

// g(f(form)) as a linear form over the steps (the steps are nested, so the sum telescopes).
LinearForm crt_telescoped(const StepFunction& s, const std::function<int64_t(int64_t)>& g) {
  LinearForm form;
  form.constant = g(s.values[0]);
  for (size_t i = 0; i < s.steps.size(); ++i)
    form.add(s.steps[i], g(s.values[i + 1]) - g(s.values[i]));
  return form;
}

// [g(f(form))], one gate above the steps.
Signal crt_predicate(Circuit& circuit, const StepFunction& s,
                     const std::function<bool(int64_t)>& g) {
  std::vector<bool> values;
  for (int64_t v : s.values) values.push_back(g(v));
  return fb_select_by_steps(circuit, s.steps, values);
}

// --- reconstruction ----------------------------------------------------------------------------

// The low `width` bits of X from residues[j] = X mod m_j (as step functions), X < M.
//
// Why the t steps are right: e_j = C_j / (M / m_j) is the residue of (M / m_j)^-1 X mod m_j, so
// Y / M = sum_j e_j / m_j = t + X / M, and A = sum_j floor(2^k e_j / m_j) lies in
// (2^k Y / M - r, 2^k Y / M]. If t >= s then A > 2^k s - r, so A >= 2^k s - r + 1. If t <= s - 1
// then A <= 2^k (s - 1) + 2^k X / M < 2^k s - r + 1, because 2^k (M - X) >= 2^k (M - x_max) >= r M
// (crt_plan). So [t >= s] = [A >= 2^k s - r + 1], a gate with weights below 2^k.
Bits crt_reconstruct(Circuit& circuit, const CrtPlan& plan,
                     const std::vector<StepFunction>& residues, int width) {
  const int64_t r = static_cast<int64_t>(plan.moduli.size());
  const int64_t modulus = static_cast<int64_t>(plan.modulus);
  LinearForm scaled;  // A
  Columns columns(width);
  for (int64_t j = 0; j < r; ++j) {
    const int64_t m = plan.moduli[j];
    const int64_t cofactor = modulus / m;
    const int64_t inverse = pow_mod(cofactor % m, m - 2, m);  // Fermat: m is prime
    const auto e = [inverse, m](int64_t u) { return inverse * u % m; };
    scaled.add_form(crt_telescoped(residues[j], [&](int64_t u) { return (e(u) << plan.k) / m; }),
                    1);
    for (int b = 0; b < width; ++b) {
      const Signal bit = crt_predicate(circuit, residues[j],
                                       [&](int64_t u) { return ((cofactor * e(u)) >> b) & 1; });
      if (bit != kFalse) columns[b].push_back(bit);
    }
  }
  const uint64_t mask = width >= 64 ? ~uint64_t{0} : (uint64_t{1} << width) - 1;
  const uint64_t minus_m = (~static_cast<uint64_t>(modulus) + 1) & mask;  // -M mod 2^W
  for (int64_t s = 1; s < r; ++s) {
    const Signal at_least = fb_at_least(circuit, scaled, (s << plan.k) - r + 1);
    for (int b = 0; b < width; ++b)
      if ((minus_m >> b) & 1) columns[b].push_back(at_least);
  }
  // Bit b of the sum is bit b of the columns up to b (int_add_columns); carries out of bit
  // W - 1 are dropped, which is the reduction mod 2^W.
  Bits bits;
  for (int b = 0; b < width; ++b)
    bits.push_back(int_bit_of_sum(circuit, int_columns_sum(columns, 0, b), b));
  return bits;
}

// S = sum_b word_b (2^b mod m), congruent to the word modulo m.
LinearForm residue_sum(const Bits& word, int64_t m) {
  LinearForm s;
  int64_t weight = 1 % m;
  for (Signal bit : word) {
    s.add(bit, weight);
    weight = weight * 2 % m;
  }
  return s;
}

Bits crt_product(Circuit& circuit, const std::vector<Bits>& words, const CrtPlan& plan, int width) {
  const int64_t n = static_cast<int64_t>(words.size());
  std::vector<StepFunction> residues;
  for (int64_t m : plan.moduli) {
    const int64_t g = primitive_root(m);
    std::vector<int64_t> log(m, 0);
    for (int64_t e = 0, x = 1; e < m - 1; ++e, x = x * g % m) log[x] = e;
    const int64_t zero_log = n * (m - 2) + 1;
    LinearForm logs;  // L
    for (const Bits& word : words) {
      const LinearForm s = residue_sum(word, m);
      const StepFunction res =
          crt_steps(circuit, s, 0, s.max_value(), [m](int64_t v) { return v % m; });
      logs.add_form(crt_telescoped(res, [&](int64_t u) { return u == 0 ? zero_log : log[u]; }), 1);
    }
    // L ranges over [0, n zero_log], but the residue is 0 from zero_log on: no step above it.
    residues.push_back(crt_steps(circuit, logs, 0, zero_log, [&](int64_t l) {
      return l >= zero_log ? 0 : pow_mod(g, l % (m - 1), m);
    }));
  }
  return crt_reconstruct(circuit, plan, residues, width);
}

[[noreturn]] void too_wide(const char* what, int width) {
  throw std::invalid_argument(std::string(what) + ": a " + std::to_string(width) +
                              "-bit result needs CRT weights beyond int64 (see int_crt.hpp)");
}

}  // namespace

bool int_iterated_product_fits(const std::vector<int>& widths) {
  int total = 0;
  return widths.size() < 2 || product_plan(widths, &total).has_value();
}

bool int_power_fits(int width, int k) {
  return k < 2 || int_iterated_product_fits(std::vector<int>(k, width));
}

Bits int_iterated_product(Circuit& circuit, const std::vector<Bits>& words) {
  if (words.empty()) return {kTrue};
  if (words.size() == 1) return words[0];
  int width = 0;
  const auto plan = product_plan(widths_of(words), &width);
  if (!plan) too_wide("int_iterated_product", width);
  return crt_product(circuit, words, *plan, width);
}

Bits int_iterated_product_small_modulus(Circuit& circuit, const std::vector<Bits>& words) {
  if (words.size() < 2) return int_iterated_product(circuit, words);
  int width = 0;
  auto plan = product_plan(widths_of(words), &width);
  if (!plan) too_wide("int_iterated_product", width);
  u128 x_max = 1;
  for (const Bits& w : words) x_max *= (u128{1} << w.size()) - 1;
  while (plan->modulus > x_max) {
    plan->modulus /= static_cast<u128>(plan->moduli.back());
    plan->moduli.pop_back();
  }
  return crt_product(circuit, words, *plan, width);
}

Bits int_power(Circuit& circuit, const Bits& y, int k) {
  if (k < 0) throw std::invalid_argument("int_power: negative exponent");
  if (y.empty()) throw std::invalid_argument("int_power: empty base");
  if (k == 0) return {kTrue};
  if (k == 1) return y;
  const int width = k * static_cast<int>(y.size());
  if (width > kMaxWidth) too_wide("int_power", width);
  u128 x_max = 1;
  for (int i = 0; i < k; ++i) x_max *= (u128{1} << y.size()) - 1;
  const auto plan = crt_plan(x_max, width);
  if (!plan) too_wide("int_power", width);
  std::vector<StepFunction> residues;
  for (int64_t m : plan->moduli) {
    const LinearForm s = residue_sum(y, m);
    residues.push_back(crt_steps(circuit, s, 0, s.max_value(),
                                 [m, k](int64_t v) { return pow_mod(v % m, k, m); }));
  }
  return crt_reconstruct(circuit, *plan, residues, width);
}

}  // namespace tc
