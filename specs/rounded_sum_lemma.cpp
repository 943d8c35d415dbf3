// Error bound of the step-by-step rounded sum (see rounded_sum_lemma.hpp).
#include "specs/rounded_sum_lemma.hpp"

#include <fmt/core.h>

#include <chrono>
#include <cstdlib>

#include "lib/smt/bound_lemma.hpp"

namespace tc {

mpq_class gamma_bound(int k, int p) {
  const mpq_class u(mpz_class(1), mpz_class(1) << p);
  return k * u / (1 - k * u);
}

namespace {

// Step k: from |e_(k-1)| <= gamma_(k-2) A_(k-1) to |e_k| <= bound * A_k.
BoundLemma step_lemma(int k, int p) {
  BoundLemma l;
  l.name = fmt::format("fsum.gamma.step-{}", k);
  l.claimed = gamma_bound(k - 1, p);
  l.statement = fmt::format(
      "if |s_{0} - S_{0}| <= gamma_{1} A_{0} and s_{2} = (s_{0} + x_{2})(1 + d), |d| <= 2^-{3}, "
      "then "
      "|s_{2} - S_{2}| <= gamma_{4} A_{2} = {5}",
      k - 1, k - 2, k, p, k - 1, format_bound(l.claimed) + " * A_" + std::to_string(k));
  const mpq_class previous = gamma_bound(k - 2, p);
  const mpq_class u(mpz_class(1), mpz_class(1) << p);
  l.hypotheses = [previous, u](z3::context& ctx) {
    const z3::expr A = ctx.real_const("A_prev"), S = ctx.real_const("S_prev"),
                   err = ctx.real_const("err_prev"), d = ctx.real_const("d");
    return A >= 0 && S >= -A && S <= A && z3_abs(err) <= z3_rational(ctx, previous) * A &&
           z3_abs(d) <= z3_rational(ctx, u);
  };
  l.claim = [](z3::context& ctx, const z3::expr& bound) {
    const z3::expr A = ctx.real_const("A_prev"), S = ctx.real_const("S_prev"),
                   err = ctx.real_const("err_prev"), d = ctx.real_const("d"),
                   x = ctx.real_const("x");
    const z3::expr rounded = (S + err + x) * (1 + d);  // fl(s_(k-1) + x_k)
    const z3::expr exact = S + x;
    return z3_abs(rounded - exact) <= bound * (A + z3_abs(x));
  };
  l.note =
      "rounding modelled as fl(a + b) = (a + b)(1 + d), |d| <= u: valid where nothing saturates "
      "or underflows";
  return l;
}

LemmaResult measurement(int p) {
  const auto start = std::chrono::steady_clock::now();
  const RoundedSumWorstCase worst = rounded_sum_worst_case();
  LemmaResult r;
  r.name = "fsum.gamma.exhaustive-p4-n3";
  r.kind = LemmaKind::Measurement;
  const mpq_class gamma2 = gamma_bound(2, 4);
  r.statement = fmt::format(
      "every triple of p = 4 floats with exponents in [-4, 4] ({} triples): worst |s_3 - S| / "
      "sum |x_i| = {} = {} <= gamma_2 = {}",
      worst.triples, worst.ratio.get_str(), format_bound(worst.ratio), format_bound(gamma2));
  r.claimed_bound = format_bound(gamma2);
  r.tightest_bound = format_bound(worst.ratio);
  r.witness =
      fmt::format("worst case at x = ({}, {}, {}) / 16", worst.x[0], worst.x[1], worst.x[2]);
  r.verdict = worst.ratio <= gamma2 ? LemmaVerdict::Proved : LemmaVerdict::Refuted;
  r.note = p == 4
               ? ""
               : "measured at p = 4, n = 3 whatever p and n are (exhaustive is cheap only there)";
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return r;
}

}  // namespace

std::vector<LemmaResult> rounded_sum_lemmas(const Params& params) {
  const int p = params.p, n = params.n;
  std::vector<LemmaResult> results;
  bool all_proved = true;
  double seconds = 0;
  for (int k = 2; k <= n; ++k) {
    results.push_back(check_bound_lemma(step_lemma(k, p)));
    all_proved = all_proved && results.back().verdict == LemmaVerdict::Proved;
    seconds += results.back().seconds;
  }
  const mpq_class gamma = gamma_bound(n - 1, p);
  results.push_back(LemmaResult{
      .name = "fsum.gamma",
      .kind = LemmaKind::Z3,
      .statement =
          fmt::format("step-by-step rounded sum of n = {} terms: |s_n - sum x_i| <= gamma_{} * "
                      "sum |x_i|, gamma_{} = {}/(2^{} - {}) = {}, u = 2^-{}",
                      n, n - 1, n - 1, n - 1, p, n - 1, format_bound(gamma), p),
      .verdict = all_proved ? LemmaVerdict::Proved : LemmaVerdict::Unknown,
      .seconds = seconds,
      .claimed_bound = format_bound(gamma),
      .note =
          fmt::format("by induction from the base case s_1 = x_1 (error 0 = gamma_0 A_1) and the "
                      "step lemmas k = 2..{}{}",
                      n, all_proved ? "" : "; a step lemma was not proved, so neither is this")});
  results.push_back(measurement(p));
  return results;
}

int64_t round_integer_nearest_even(int64_t v, int p) {
  if (v == 0) return 0;
  const bool negative = v < 0;
  int64_t a = negative ? -v : v;
  int length = 0;
  while ((a >> length) != 0) ++length;
  if (length <= p) return v;
  int shift = length - p;
  int64_t q = a >> shift;
  const int64_t rest = a & ((int64_t{1} << shift) - 1), half = int64_t{1} << (shift - 1);
  if (rest > half || (rest == half && (q & 1))) ++q;
  a = q << shift;  // q = 2^p stays exact: it is 2^(p-1) at the next exponent
  return negative ? -a : a;
}

RoundedSumWorstCase rounded_sum_worst_case() {
  constexpr int p = 4, lowest = -4, highest = 4, scale = 4;  // values * 2^4 are integers
  std::vector<int64_t> values{0};
  for (int e = lowest; e <= highest; ++e)
    for (int64_t m = 8; m < 16; ++m) {
      values.push_back((m << (e + scale)));
      values.push_back(-(m << (e + scale)));
    }
  RoundedSumWorstCase worst;
  worst.ratio = 0;
  worst.x = {0, 0, 0};
  int64_t worst_error = 0, worst_total = 1;
  for (int64_t a : values)
    for (int64_t b : values)
      for (int64_t c : values) {
        ++worst.triples;
        const int64_t s = round_integer_nearest_even(round_integer_nearest_even(a + b, p) + c, p);
        const int64_t error = std::llabs(s - (a + b + c));
        const int64_t total = std::llabs(a) + std::llabs(b) + std::llabs(c);
        if (total == 0) continue;
        if (error * worst_total > worst_error * total) {
          worst_error = error;
          worst_total = total;
          worst.x = {a, b, c};
        }
      }
  worst.ratio = mpq_class(worst_error, worst_total);
  worst.ratio.canonicalize();
  return worst;
}

}  // namespace tc
