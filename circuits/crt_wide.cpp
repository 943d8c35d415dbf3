// Wide Chinese-remainder reconstruction (see crt_wide.hpp, which gives the reasoning).
#include "circuits/crt_wide.hpp"

#include "circuits/crt_residues.hpp"
#include "circuits/float_sum_blocks.hpp"

namespace tc {

namespace {

constexpr int kMaxScaleBits = 30;
constexpr int kAdderBlock = 1;  // every block as narrow as the column height allows

}  // namespace

WideCrtPlan wide_crt_plan(const mpz_class& x_max, bool small_modulus) {
  WideCrtPlan plan;
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

Bits wide_crt_reconstruct(Circuit& circuit, const WideCrtPlan& plan,
                          const std::vector<ResidueView>& residues, int width) {
  const int64_t r = static_cast<int64_t>(plan.moduli.size());
  LinearForm scaled;  // A
  Columns columns(static_cast<size_t>(width));
  for (size_t j = 0; j < plan.moduli.size(); ++j) {
    const int64_t m = plan.moduli[j];
    const mpz_class cofactor = plan.modulus / m;
    const int64_t inverse = crt_pow_mod(mpz_class(cofactor % m).get_si(), m - 2, m);  // m prime
    const auto e = [inverse, m](int64_t u) { return inverse * u % m; };
    scaled.add_form(residues[j].form([&](int64_t u) { return (e(u) << plan.k) / m; }), 1);
    for (int b = 0; b < width; ++b) {
      const Signal bit = residues[j].predicate(circuit, [&](int64_t u) {
        const mpz_class term = cofactor * e(u);  // C_j when X == u (mod m)
        return mpz_tstbit(term.get_mpz_t(), static_cast<mp_bitcnt_t>(b)) != 0;
      });
      if (bit != kFalse) columns[static_cast<size_t>(b)].push_back(bit);
    }
  }
  const mpz_class wrap = mpz_class(1) << width;
  // -t M mod 2^W as one word: each bit a function of t, one gate over the nested steps [t >= s]
  // (one layer more than adding the r - 1 step words, but half the column height for the adder).
  Bits t_steps;
  for (int64_t s = 1; s < r; ++s)
    t_steps.push_back(fb_at_least(circuit, scaled, (s << plan.k) - r + 1));
  for (int b = 0; b < width; ++b) {
    std::vector<bool> bit_of_minus_tm;
    for (int64_t t = 0; t < r; ++t) {
      const mpz_class v = mpz_class(wrap - mpz_class(t * plan.modulus) % wrap) % wrap;
      bit_of_minus_tm.push_back(mpz_tstbit(v.get_mpz_t(), static_cast<mp_bitcnt_t>(b)));
    }
    const Signal bit = fb_select_by_steps(circuit, t_steps, bit_of_minus_tm);
    if (bit != kFalse) columns[static_cast<size_t>(b)].push_back(bit);
  }
  return fsb_add_columns(circuit, columns, width, kAdderBlock);
}

}  // namespace tc
