// Residues modulo small primes as step functions (see crt_residues.hpp).
#include "circuits/crt_residues.hpp"

namespace tc {

namespace {

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
    for (int64_t q : factors) generates = generates && crt_pow_mod(g, (m - 1) / q, m) != 1;
    if (generates) return g;
  }
}

}  // namespace

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

LinearForm crt_telescoped(const StepFunction& s, const std::function<int64_t(int64_t)>& g) {
  LinearForm form;
  form.constant = g(s.values[0]);
  for (size_t i = 0; i < s.steps.size(); ++i)
    form.add(s.steps[i], g(s.values[i + 1]) - g(s.values[i]));
  return form;
}

Signal crt_predicate(Circuit& circuit, const StepFunction& s,
                     const std::function<bool(int64_t)>& g) {
  std::vector<bool> values;
  for (int64_t v : s.values) values.push_back(g(v));
  return fb_select_by_steps(circuit, s.steps, values);
}

int64_t crt_pow_mod(int64_t base, int64_t exponent, int64_t m) {
  int64_t result = 1 % m;
  base %= m;
  for (; exponent > 0; exponent >>= 1) {
    if (exponent & 1) result = result * base % m;
    base = base * base % m;
  }
  return result;
}

LinearForm crt_residue_sum(const Bits& word, int64_t m) {
  LinearForm s;
  int64_t weight = 1 % m;
  for (Signal bit : word) {
    s.add(bit, weight);
    weight = weight * 2 % m;
  }
  return s;
}

StepFunction crt_product_residue(Circuit& circuit, const std::vector<Bits>& words, int64_t m) {
  const int64_t n = static_cast<int64_t>(words.size());
  const int64_t g = primitive_root(m);
  std::vector<int64_t> log(static_cast<size_t>(m), 0);
  for (int64_t e = 0, x = 1; e < m - 1; ++e, x = x * g % m) log[static_cast<size_t>(x)] = e;
  const int64_t zero_log = n * (m - 2) + 1;
  LinearForm logs;  // L
  for (const Bits& word : words) {
    const LinearForm s = crt_residue_sum(word, m);
    const StepFunction res =
        crt_steps(circuit, s, 0, s.max_value(), [m](int64_t v) { return v % m; });
    logs.add_form(
        crt_telescoped(res,
                       [&](int64_t u) { return u == 0 ? zero_log : log[static_cast<size_t>(u)]; }),
        1);
  }
  // L ranges over [0, n zero_log], but the residue is 0 from zero_log on: no step above it.
  return crt_steps(circuit, logs, 0, zero_log,
                   [&](int64_t l) { return l >= zero_log ? 0 : crt_pow_mod(g, l % (m - 1), m); });
}

}  // namespace tc
