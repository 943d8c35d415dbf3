// Wide integer powers by Chinese remaindering (see int_power_wide.hpp): the one-hot residues of
// y, read by crt_wide.hpp's reconstruction as the residues u^i of each power.
#include "circuits/int_power_wide.hpp"

#include <gmpxx.h>

#include <algorithm>
#include <stdexcept>

#include "circuits/crt_residues.hpp"
#include "circuits/crt_wide.hpp"

namespace tc {

namespace {

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

// y^exponent mod m as a view over the one-hots of y mod m (exclusive, and one holds).
ResidueView power_view(const std::vector<Bits>& one_hot, int64_t m, int exponent) {
  const auto residue = [m, exponent](int64_t u) { return crt_pow_mod(u, exponent, m); };
  ResidueView view;
  view.predicate = [&one_hot, m, residue](Circuit& circuit, const std::function<bool(int64_t)>& g) {
    Bits hits;
    for (int64_t u = 0; u < m; ++u)
      if (g(residue(u))) hits.insert(hits.end(), one_hot[u].begin(), one_hot[u].end());
    return hits.empty() ? kFalse : circuit.create_or(hits);
  };
  view.form = [&one_hot, m, residue](const std::function<int64_t(int64_t)>& f) {
    LinearForm form;
    for (int64_t u = 0; u < m; ++u)
      if (const int64_t value = f(residue(u)); value != 0)
        for (Signal hit : one_hot[u]) form.add(hit, value);
    return form;
  };
  return view;
}

}  // namespace

std::vector<Bits> int_powers_wide(Circuit& circuit, const std::vector<PowerBaseCase>& cases,
                                  int64_t y_max, int k, bool small_modulus) {
  if (cases.empty()) throw std::invalid_argument("int_powers_wide: no base case");
  if (k < 2) throw std::invalid_argument("int_powers_wide: the exponent must be at least 2");
  if (y_max < 1) throw std::invalid_argument("int_powers_wide: y_max must be at least 1");
  std::vector<WideCrtPlan> plans(static_cast<size_t>(k) + 1);
  std::vector<int> widths(static_cast<size_t>(k) + 1);  // bits of y_max^i, no more
  size_t primes = 0;
  for (int i = 2; i <= k; ++i) {
    mpz_class x_max;
    mpz_pow_ui(x_max.get_mpz_t(), mpz_class(y_max).get_mpz_t(), static_cast<unsigned long>(i));
    plans[i] = wide_crt_plan(x_max, small_modulus);
    widths[i] = static_cast<int>(mpz_sizeinbase(x_max.get_mpz_t(), 2));
    primes = std::max(primes, plans[i].moduli.size());
  }
  // The residues of y, shared by every power (each plan's primes are a prefix of the largest).
  const WideCrtPlan& largest = *std::max_element(
      plans.begin(), plans.end(),
      [](const WideCrtPlan& a, const WideCrtPlan& b) { return a.moduli.size() < b.moduli.size(); });
  std::vector<std::vector<Bits>> one_hots;
  for (size_t j = 0; j < primes; ++j)
    one_hots.push_back(one_hot_residues(circuit, cases, largest.moduli[j]));
  std::vector<Bits> powers(static_cast<size_t>(k) + 1);
  for (int i = 2; i <= k; ++i) {
    std::vector<ResidueView> views;
    for (size_t j = 0; j < plans[i].moduli.size(); ++j)
      views.push_back(power_view(one_hots[j], plans[i].moduli[j], i));
    powers[i] = wide_crt_reconstruct(circuit, plans[i], views, widths[i]);
  }
  return powers;
}

}  // namespace tc
