// Iterated product and powers by Chinese remaindering (see int_crt.hpp).
//
// Every step computes a function of a bounded integer sum, in the telescoping style of
// crt_residues.hpp.
//
// Layers of int_iterated_product (X = x_1 ... x_n < M = m_1 ... m_r, primes m_j):
//   1-2  X mod m_j as a function of L_j = sum_i log_g(x_i mod m_j) (crt_product_residue);
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
#include <optional>
#include <stdexcept>

#include "circuits/crt_residues.hpp"
#include "circuits/float_blocks.hpp"
#include "circuits/int_arith.hpp"

namespace tc {

namespace {

using u128 = unsigned __int128;

constexpr int kMaxWidth = 60;
constexpr int kMaxScaleBits = 30;  // 2^k, the scale of the fractions that find t

bool is_prime(int64_t m) {
  if (m < 2) return false;
  for (int64_t d = 2; d * d <= m; ++d)
    if (m % d == 0) return false;
  return true;
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
    const int64_t inverse = crt_pow_mod(cofactor % m, m - 2, m);  // Fermat: m is prime
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

Bits crt_product(Circuit& circuit, const std::vector<Bits>& words, const CrtPlan& plan, int width) {
  std::vector<StepFunction> residues;
  for (int64_t m : plan.moduli) residues.push_back(crt_product_residue(circuit, words, m));
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
    const LinearForm s = crt_residue_sum(y, m);
    residues.push_back(crt_steps(circuit, s, 0, s.max_value(),
                                 [m, k](int64_t v) { return crt_pow_mod(v % m, k, m); }));
  }
  return crt_reconstruct(circuit, *plan, residues, width);
}

}  // namespace tc
