// The error lemmas of log (see log_lemmas.hpp).
#include "specs/log_lemmas.hpp"

#include <fmt/core.h>

#include <chrono>
#include <cmath>

#include "lib/dyadic.hpp"
#include "lib/float_word.hpp"
#include "lib/smt/bound_lemma.hpp"
#include "specs/log_measure.hpp"

namespace tc {

namespace {

z3::expr num(z3::context& ctx, const mpq_class& q) { return z3_rational(ctx, q); }

// T_M(y) = sum_{i=1..M} (-1)^(i+1) y^i / i, by Horner.
z3::expr taylor(z3::context& ctx, const z3::expr& y, int m) {
  z3::expr acc = ctx.real_val(0);
  for (int i = m; i >= 1; --i) acc = num(ctx, mpq_class(i % 2 ? 1 : -1, i)) + y * acc;
  return y * acc;
}

z3::expr power(const z3::expr& y, int n) {
  z3::expr r = y;
  for (int i = 1; i < n; ++i) r = r * y;
  return r;
}

// Exact rationals for T_M(y) and the enclosure (E1) at a rational point.
mpq_class taylor_q(const mpq_class& y, int m) {
  mpq_class acc = 0, pw = 1;
  for (int i = 1; i <= m; ++i) {
    pw *= y;
    acc += (i % 2 ? 1 : -1) * pw / i;
  }
  return acc;
}
mpq_class enclosure_q(const mpq_class& y, int m) {
  mpq_class pw = 1;
  for (int i = 0; i <= m; ++i) pw *= abs(y);
  return 2 * pw / (m + 1);
}

// (E3): ln 2 in [lo, lo + 2^-M / (M + 1)].
mpq_class ln2_low(int m) {
  mpq_class s = 0;
  for (int i = 1; i <= m; ++i) s += mpq_class(1, mpz_class(i) * (mpz_class(1) << i));
  s.canonicalize();
  return s;
}

constexpr const char* kE1 = "(E1) |ln(1+t) - T_M(t)| <= 2|t|^(M+1)/(M+1) for |t| <= 1/2";
constexpr const char* kE2 = "(E2) t/(1+t) <= ln(1+t) <= t for t > -1";

// ln(1+t) as the fresh real l: (E1) with M = N and (E2), t in [-1/4, 1/2].
z3::expr ln_enclosure(z3::context& ctx, const z3::expr& t, const z3::expr& l, int n) {
  return t >= num(ctx, mpq_class(-1, 4)) && t <= num(ctx, mpq_class(1, 2)) && l * (1 + t) >= t &&
         l <= t &&
         z3_abs(l - taylor(ctx, t, n)) <= num(ctx, mpq_class(2, n + 1)) * power(z3_abs(t), n + 1);
}

BoundLemma truncation_lemma(const LogDesign& d) {
  BoundLemma lm;
  lm.name = "log.truncation";
  lm.claimed = d.truncation_budget();
  lm.statement = fmt::format(
      "for t in [-1/4, 1/2]: |T_{0}(t) - ln(1+t)| <= tau |ln(1+t)|, tau = 2^-{1} = {2} "
      "(N = {0} terms)",
      d.terms, d.p + d.margin + 1, format_bound(lm.claimed));
  const int n = d.terms;
  lm.hypotheses = [n](z3::context& ctx) {
    return ln_enclosure(ctx, ctx.real_const("t"), ctx.real_const("ln_1_plus_t"), n);
  };
  lm.claim = [n](z3::context& ctx, const z3::expr& bound) {
    const z3::expr t = ctx.real_const("t"), l = ctx.real_const("ln_1_plus_t");
    return z3_abs(taylor(ctx, t, n) - l) <= bound * z3_abs(l);
  };
  lm.note = std::string("ln(1+t) is a fresh real bounded by ") + kE1 + " with M = N and " + kE2;
  return lm;
}

BoundLemma rounding_lemma(const LogDesign& d) {
  BoundLemma lm;
  lm.name = "log.rounding";
  lm.claimed = d.rounding_budget();
  const int n = d.terms, q = d.frac_bits;
  lm.statement = fmt::format(
      "S = sum_i (v_i + rho_i) with rho_1 = 0 and |rho_i| <= 2^-{} (i = 2..{}): "
      "|S - T_N(t)| = |sum rho_i| <= R = 2^-{} = {}",
      q + 1, n, 2 * d.p + d.margin + 1, format_bound(lm.claimed));
  lm.hypotheses = [n, q](z3::context& ctx) {
    z3::expr h = ctx.bool_val(true);
    for (int i = 2; i <= n; ++i)
      h = h && z3_abs(ctx.real_const(fmt::format("rho_{}", i).c_str())) <=
                   num(ctx, power_of_two(-(q + 1)));
    return h;
  };
  lm.claim = [n](z3::context& ctx, const z3::expr& bound) {
    z3::expr s = ctx.real_val(0);
    for (int i = 2; i <= n; ++i) s = s + ctx.real_const(fmt::format("rho_{}", i).c_str());
    return z3_abs(s) <= bound;
  };
  lm.note =
      "each term is rounded half up at q fractional bits (absolute error <= 2^-(q+1)); the sum "
      "is exact; the first term |t| = |T| 2^-p is exact since p <= q";
  return lm;
}

BoundLemma ln2_lemma(const LogDesign& d, const mpz_class& ln2_fixed) {
  BoundLemma lm;
  lm.name = "log.ln2";
  const int q = d.frac_bits, m = q + 16;
  lm.claimed = power_of_two(-(q + 1));
  lm.statement = fmt::format("LN2 = {} = round(ln 2 * 2^{}): |LN2 2^-{} - ln 2| <= 2^-{} = {}",
                             ln2_fixed.get_str(), q, q, q + 1, format_bound(lm.claimed));
  const mpq_class lo = ln2_low(m), width = mpq_class(1, mpz_class(m + 1) * (mpz_class(1) << m));
  const mpq_class value = mpq_class(ln2_fixed) * power_of_two(-q);
  lm.hypotheses = [lo, width](z3::context& ctx) {
    const z3::expr c2 = ctx.real_const("ln2");
    return c2 >= num(ctx, lo) && c2 <= num(ctx, lo + width);
  };
  lm.claim = [value](z3::context& ctx, const z3::expr& bound) {
    return z3_abs(num(ctx, value) - ctx.real_const("ln2")) <= bound;
  };
  lm.note = fmt::format(
      "ln 2 is a fresh real bounded by (E3) ln 2 = sum 1/(i 2^i), tail after M = {} "
      "terms in [0, 2^-M/(M+1)]",
      m);
  return lm;
}

BoundLemma pre_rounding_k0_lemma(const LogDesign& d) {
  BoundLemma lm;
  lm.name = "log.pre-rounding.k0";
  lm.claimed = d.pre_rounding_bound();
  const int p = d.p;
  lm.statement = fmt::format(
      "k = 0, t in [-1/4, -2^-{0}] or [2^-{1}, 1/2], given log.truncation and "
      "log.rounding: |S 2^-q - ln(1+t)| <= delta |ln(1+t)|, delta = 2^-{2} = {3}",
      p, p - 1, p + d.margin, format_bound(lm.claimed));
  const mpq_class tau = d.truncation_budget(), r = d.rounding_budget();
  lm.hypotheses = [p, tau, r](z3::context& ctx) {
    const z3::expr t = ctx.real_const("t"), l = ctx.real_const("ln_1_plus_t"),
                   tn = ctx.real_const("taylor"), s = ctx.real_const("s");
    const z3::expr domain =
        (t >= num(ctx, mpq_class(-1, 4)) && t <= -num(ctx, power_of_two(-p))) ||
        (t >= num(ctx, power_of_two(-(p - 1))) && t <= num(ctx, mpq_class(1, 2)));
    return domain && l * (1 + t) >= t && l <= t && z3_abs(tn - l) <= num(ctx, tau) * z3_abs(l) &&
           z3_abs(s - tn) <= num(ctx, r);
  };
  lm.claim = [](z3::context& ctx, const z3::expr& bound) {
    const z3::expr l = ctx.real_const("ln_1_plus_t"), s = ctx.real_const("s");
    return z3_abs(s - l) <= bound * z3_abs(l);
  };
  lm.note = std::string(
                "t = T 2^-p with T <= -1 (case B) or T >= 2 even (case A); t = 0 gives S = 0 = "
                "ln 1 exactly; ") +
            kE2;
  return lm;
}

BoundLemma pre_rounding_k_lemma(const LogDesign& d, const mpz_class& ln2_fixed, int64_t k_max) {
  BoundLemma lm;
  lm.name = "log.pre-rounding.k";
  lm.claimed = d.pre_rounding_bound();
  const int q = d.frac_bits, m = 40;
  lm.statement = fmt::format(
      "1 <= |k| <= {}, t in [-1/4, 1/2], given log.truncation, log.rounding and "
      "log.ln2: |(k LN2 + S) 2^-q - (k ln 2 + ln(1+t))| <= delta |k ln 2 + ln(1+t)|, "
      "delta = {}",
      k_max, format_bound(lm.claimed));
  const mpq_class tau = d.truncation_budget(), r = d.rounding_budget();
  const mpq_class lambda = mpq_class(ln2_fixed) * power_of_two(-q),
                  half_ulp = power_of_two(-(q + 1));
  const mpq_class ln2_lo = ln2_low(m),
                  ln2_hi = ln2_lo + mpq_class(1, mpz_class(m + 1) * (mpz_class(1) << m));
  // (E4) with (E1) at M = 40: ln(3/4) >= T_40(-1/4) - e, ln(3/2) <= T_40(1/2) + e.
  const mpq_class l_lo = taylor_q(mpq_class(-1, 4), m) - enclosure_q(mpq_class(-1, 4), m);
  const mpq_class l_hi = taylor_q(mpq_class(1, 2), m) + enclosure_q(mpq_class(1, 2), m);
  lm.hypotheses = [=](z3::context& ctx) {
    const z3::expr k = ctx.real_const("k"), t = ctx.real_const("t"),
                   l = ctx.real_const("ln_1_plus_t"), tn = ctx.real_const("taylor"),
                   s = ctx.real_const("s"), c2 = ctx.real_const("ln2");
    const z3::expr km = num(ctx, mpq_class(k_max));
    return ((k >= 1 && k <= km) || (k <= -1 && k >= -km)) && t >= num(ctx, mpq_class(-1, 4)) &&
           t <= num(ctx, mpq_class(1, 2)) && l * (1 + t) >= t && l <= t && l >= num(ctx, l_lo) &&
           l <= num(ctx, l_hi) && z3_abs(tn - l) <= num(ctx, tau) * z3_abs(l) &&
           z3_abs(s - tn) <= num(ctx, r) && c2 >= num(ctx, ln2_lo) && c2 <= num(ctx, ln2_hi) &&
           z3_abs(num(ctx, lambda) - c2) <= num(ctx, half_ulp);
  };
  lm.claim = [lambda](z3::context& ctx, const z3::expr& bound) {
    const z3::expr k = ctx.real_const("k"), l = ctx.real_const("ln_1_plus_t"),
                   s = ctx.real_const("s"), c2 = ctx.real_const("ln2");
    const z3::expr exact = k * c2 + l, approx = k * num(ctx, lambda) + s;
    return z3_abs(approx - exact) <= bound * z3_abs(exact);
  };
  lm.note = std::string("k relaxed to the reals with 1 <= |k|; ln 2 by (E3) with M = 40; ") + kE2 +
            "; (E4) ln(1+t) in [ln(3/4), ln(3/2)] via (E1) at M = 40";
  return lm;
}

BoundLemma end_to_end_lemma(const LogDesign& d) {
  BoundLemma lm;
  lm.name = "log.end-to-end";
  lm.claimed = d.end_to_end_bound();
  const int p = d.p;
  lm.statement = fmt::format(
      "x > 0, x != 1, given log.pre-rounding.*: z = round_p(L 2^-q) = L 2^-q (1 + d), "
      "|d| <= 2^-{0}: |z - ln x| <= (2^-{0} + delta + 2^-{0} delta) |ln x| = {1}",
      p, format_bound(lm.claimed));
  const mpq_class delta = d.pre_rounding_bound(), u = power_of_two(-p);
  lm.hypotheses = [delta, u](z3::context& ctx) {
    const z3::expr y = ctx.real_const("ln_x"), lt = ctx.real_const("L_scaled"),
                   dd = ctx.real_const("d");
    return y != 0 && z3_abs(lt - y) <= num(ctx, delta) * z3_abs(y) && z3_abs(dd) <= num(ctx, u);
  };
  lm.claim = [](z3::context& ctx, const z3::expr& bound) {
    const z3::expr y = ctx.real_const("ln_x"), lt = ctx.real_const("L_scaled"),
                   dd = ctx.real_const("d");
    return z3_abs(lt * (1 + dd) - y) <= bound * z3_abs(y);
  };
  lm.note = fmt::format(
      "round to nearest at p bits: |round_p(v) - v| <= 2^-p |v| wherever v lies in F_p's "
      "range; here 2^-{} <= |L 2^-q| < (2^p + p) ln 2 + 1, far inside [min, max] for "
      "E = p + 1; x = 1 gives L = 0 and z = 0 exactly (log.measured checks it)",
      p + 1);
  return lm;
}

LemmaResult measured(const LogDesign& d, FloatFormat f) {
  const auto start = std::chrono::steady_clock::now();
  const LogMeasurement m = log_measure(f, d);
  LemmaResult r;
  r.name = "log.measured";
  r.kind = LemmaKind::Measurement;
  const int p = d.p;
  r.statement = fmt::format(
      "{} {} positive inputs at p = {} against MPFR: worst |z - ln x| / |ln x| = {:.4e} = 2^{:.3f} "
      "at "
      "x = {} (ln x = {:.10g}, z = {}); before rounding worst {:.4e} = 2^{:.3f}; paper's 2^-{}: {}",
      m.exhaustive ? "all" : "sampled:", m.inputs, p, m.worst, std::log2(m.worst),
      float_to_string(m.worst_x), m.worst_ln, float_to_string(m.worst_z), m.worst_pre,
      std::log2(m.worst_pre), p,
      m.above_unit == 0
          ? std::string("holds")
          : fmt::format("fails on {} inputs, worst {:.4e} = 2^-{} (1 + {:.3e}) at x = {}",
                        m.above_unit, m.first_above_unit_error, p,
                        m.first_above_unit_error * std::ldexp(1.0, p) - 1,
                        float_to_string(m.first_above_unit)));
  r.claimed_bound = format_bound(d.end_to_end_bound());
  r.tightest_bound = fmt::format("2^{:.3f} ({:.3e}) measured", std::log2(m.worst), m.worst);
  const bool ok = m.above_end_to_end == 0 && m.above_pre == 0 && m.one_exact;
  r.verdict = ok ? LemmaVerdict::Proved : LemmaVerdict::Refuted;
  if (!ok)
    r.witness = fmt::format(
        "{} inputs above the end-to-end bound, {} above delta before rounding, x = 1 {}",
        m.above_end_to_end, m.above_pre, m.one_exact ? "exact" : "NOT exact");
  r.note = fmt::format(
      "fast model of the algorithm (specs/log_model.hpp) against MPFR ln x at 256 bits{}",
      m.exhaustive ? "; exhaustive, so at this p the measured worst case is the true one"
                   : "; p > 10: every significand, exponents with k in [-4, 4] and the extremes");
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return r;
}

}  // namespace

LogDesign log_lemma_design(const Params& params) {
  LogDesign d = log_design(params.p);
  if (params.mutant == "taylor-terms-short") --d.terms;
  if (params.mutant == "working-precision-short") --d.frac_bits;
  return d;
}

std::vector<LemmaResult> log_lemmas(const Params& params) {
  const LogDesign d = log_lemma_design(params);
  const FloatFormat f = float_format(params);
  const mpz_class ln2 = log_ln2_fixed(d.frac_bits);
  const int64_t k_max = (int64_t{1} << (f.e - 1)) + f.p;
  // A circuit-level mutant leaves the algorithm alone: its lemmas are checked at the claimed
  // bounds only (the tightest-bound search would repeat the unmutated run's).
  const bool circuit_mutant = !params.mutant.empty() && params.mutant != "taylor-terms-short" &&
                              params.mutant != "working-precision-short";
  std::vector<LemmaResult> results;
  for (BoundLemma lm :
       {truncation_lemma(d), rounding_lemma(d), ln2_lemma(d, ln2), pre_rounding_k0_lemma(d),
        pre_rounding_k_lemma(d, ln2, k_max), end_to_end_lemma(d)}) {
    lm.search_tightest = !circuit_mutant;
    results.push_back(check_bound_lemma(lm));
  }
  results.push_back(measured(d, f));
  return results;
}

}  // namespace tc
