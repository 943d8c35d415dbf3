// The Z3 error lemmas of exp and the measurement (see exp_lemmas.hpp).
#include "specs/exp_lemmas.hpp"

#include <fmt/core.h>
#include <mpfr.h>

#include <chrono>

#include "lib/dyadic.hpp"
#include "lib/smt/bound_lemma.hpp"
#include "specs/exp_measure.hpp"

namespace tc {

namespace {

mpq_class factorial(int n) {
  mpz_class f = 1;
  for (int i = 2; i <= n; ++i) f *= i;
  return mpq_class(f);
}

mpq_class power(const mpq_class& x, int n) {
  mpq_class r = 1;
  for (int i = 0; i < n; ++i) r *= x;
  return r;
}

mpq_class abs_q(const mpq_class& x) { return x < 0 ? mpq_class(-x) : x; }

z3::expr z3_power(const z3::expr& x, int n) {
  z3::expr r = x.ctx().real_val(1);
  for (int i = 0; i < n; ++i) r = r * x;
  return r;
}

// T_M(r) = sum_{i<=M} r^i / i!.
z3::expr z3_taylor(const z3::expr& r, int M) {
  z3::expr sum = r.ctx().real_val(0);
  for (int i = 0; i <= M; ++i) sum = sum + z3_power(r, i) / z3_rational(r.ctx(), factorial(i));
  return sum;
}

// (E3): ln 2 in [lo, hi].
std::pair<mpq_class, mpq_class> ln2_enclosure() {
  mpfr_t v;
  mpfr_init2(v, 128);
  mpq_class lo, hi;
  mpfr_const_log2(v, MPFR_RNDD);
  mpfr_get_q(lo.get_mpq_t(), v);
  mpfr_const_log2(v, MPFR_RNDU);
  mpfr_get_q(hi.get_mpq_t(), v);
  mpfr_clear(v);
  return {lo, hi};
}

mpq_class d_coefficient(const ExpDesign& d, int i) { return mpq_class(d.D[i]) / power_of_two(d.q); }

// The largest K: from A_t < 2^(p+t).
mpq_class k_max(const ExpDesign& d) {
  const mpz_class top =
      ((mpz_class(1) << (d.p + d.t)) * d.C + (mpz_class(1) << (d.t + d.w - 1))) >> (d.t + d.w);
  return mpq_class(top);
}

// The reduction's shared hypotheses: a = A 2^-a in [0, 2^p], K given, R = floor(V / 2^G).
z3::expr reduction_r(z3::context& ctx, const ExpDesign& d, const z3::expr& a, const z3::expr& K,
                     const z3::expr& R) {
  const z3::expr v =
      (a * z3_rational(ctx, power_of_two(d.q + d.G)) - K * z3_rational(ctx, mpq_class(d.L)) +
       z3_rational(ctx, power_of_two(d.G - 1))) /
      z3_rational(ctx, power_of_two(d.G));
  return v - 1 < R && R <= v;
}

BoundLemma range_lemma(const ExpDesign& d, const ExpBudget& b) {
  BoundLemma l;
  l.name = "exp.reduction.range";
  l.claimed = b.rho;
  l.statement = fmt::format(
      "for 0 <= |x| < 2^{0}: A_t in (|x| 2^{1} - 1, |x| 2^{1}], K = floor((A_t C + 2^{2}) / 2^{3}) "
      "with C = {4}, R = floor((A 2^{9} - K L + 2^{6}) / 2^{5}) with L = {7}, A = |x| 2^{10}: "
      "|R| 2^-{8} <= 3/8",
      d.p, d.t, d.t + d.w - 1, d.t + d.w, d.C.get_str(), d.G, d.G - 1, d.L.get_str(), d.q,
      d.q + d.G - d.a, d.a);
  l.hypotheses = [d](z3::context& ctx) {
    const z3::expr a = ctx.real_const("a"), at = ctx.real_const("a_t"), K = ctx.real_const("K"),
                   R = ctx.real_const("R");
    const z3::expr kc = at * z3_rational(ctx, mpq_class(d.C) / power_of_two(d.w)) +
                        z3_rational(ctx, mpq_class(1, 2));
    return a >= 0 && a < z3_rational(ctx, power_of_two(d.p)) && at <= a &&
           at > a - z3_rational(ctx, power_of_two(-d.t)) && at >= 0 && K <= kc && K > kc - 1 &&
           reduction_r(ctx, d, a, K, R);
  };
  l.claim = [d](z3::context& ctx, const z3::expr& bound) {
    return z3_abs(ctx.real_const("R")) <= bound * z3_rational(ctx, power_of_two(d.q));
  };
  l.note = "A_t, K and R relaxed to real intervals of width one; uses neither exp nor ln";
  return l;
}

BoundLemma reduction_error_lemma(const ExpDesign& d, const ExpBudget& b) {
  const auto [lo, hi] = ln2_enclosure();
  BoundLemma l;
  l.name = "exp.reduction.error";
  l.claimed = b.epsilon;
  l.statement = fmt::format(
      "for |x| in [A 2^-{3}, (A + 1) 2^-{3}), 0 <= K <= {1}: |R 2^-{0} - (|x| - K ln 2)| <= {2}",
      d.q, k_max(d).get_str(), format_bound(b.epsilon), d.a);
  const mpq_class kmax = k_max(d);
  l.hypotheses = [d, lo, hi, kmax](z3::context& ctx) {
    const z3::expr a = ctx.real_const("a"), x = ctx.real_const("abs_x"), K = ctx.real_const("K"),
                   R = ctx.real_const("R"), ln2 = ctx.real_const("ln2");
    return a >= 0 && a <= z3_rational(ctx, power_of_two(d.p)) && x >= a &&
           x < a + z3_rational(ctx, power_of_two(-d.a)) && ln2 >= z3_rational(ctx, lo) &&
           ln2 <= z3_rational(ctx, hi) && K >= 0 && K <= z3_rational(ctx, kmax) &&
           reduction_r(ctx, d, a, K, R);
  };
  l.claim = [d](z3::context& ctx, const z3::expr& bound) {
    const z3::expr x = ctx.real_const("abs_x"), K = ctx.real_const("K"), R = ctx.real_const("R"),
                   ln2 = ctx.real_const("ln2");
    return z3_abs(R / z3_rational(ctx, power_of_two(d.q)) - (x - K * ln2)) <= bound;
  };
  l.note = "(E3) ln 2 in a 128-bit MPFR enclosure; for x < 0 both r^ and r* change sign";
  return l;
}

BoundLemma taylor_lemma(const ExpBudget& b, int N) {
  BoundLemma l;
  l.name = "exp.taylor.truncation";
  l.claimed = b.tau;
  l.statement = fmt::format("for |r| <= 3/8: |e^r - T_{0}(r)| <= {1} e^r", N, format_bound(b.tau));
  l.hypotheses = [N](z3::context& ctx) {
    const z3::expr r = ctx.real_const("r"), E = ctx.real_const("exp_r");
    const z3::expr remainder =
        z3_rational(ctx, mpq_class(33, 20) / factorial(N + 1)) * z3_power(z3_abs(r), N + 1);
    return r >= z3_rational(ctx, mpq_class(-3, 8)) && r <= z3_rational(ctx, mpq_class(3, 8)) &&
           z3_abs(E - z3_taylor(r, N)) <= remainder && E >= 1 + r;
  };
  l.claim = [N](z3::context& ctx, const z3::expr& bound) {
    const z3::expr r = ctx.real_const("r"), E = ctx.real_const("exp_r");
    return z3_abs(E - z3_taylor(r, N)) <= bound * E;
  };
  l.note = "(E1) Taylor remainder with e^(1/2) < 33/20; (E2) e^r >= 1 + r";
  return l;
}

BoundLemma poly_step_lemma(const ExpDesign& d, const ExpBudget& b, int i) {
  BoundLemma l;
  l.name = fmt::format("exp.poly.step-{}", i);
  l.claimed = b.B[i];
  const mpq_class h = power_of_two(d.s[i] - d.q), unit = power_of_two(-d.q),
                  di = d_coefficient(d, i);
  l.statement = fmt::format(
      "for m = |r^| <= 3/8, m_s in (m - 2^{0}, m] (M without {1} low bits), P in (m_s^{2} - "
      "2^-{3}, "
      "m_s^{2}], |e| <= B_{4} = {5}: |e + P D_{2} 2^-{3} - m^{2}/{2}!| <= B_{2} = {6}",
      d.s[i] - d.q, d.s[i], i, d.q, i - 1, format_bound(b.B[i - 1]), format_bound(b.B[i]));
  const mpq_class previous = b.B[i - 1];
  l.hypotheses = [h, unit, i, previous](z3::context& ctx) {
    const z3::expr m = ctx.real_const("m"), ms = ctx.real_const("m_s"), P = ctx.real_const("P"),
                   e = ctx.real_const("e");
    const z3::expr msi = z3_power(ms, i);
    return m >= 0 && m <= z3_rational(ctx, mpq_class(3, 8)) && ms <= m &&
           ms > m - z3_rational(ctx, h) && ms >= 0 && P <= msi &&
           P > msi - z3_rational(ctx, unit) && z3_abs(e) <= z3_rational(ctx, previous);
  };
  l.claim = [di, i](z3::context& ctx, const z3::expr& bound) {
    const z3::expr m = ctx.real_const("m"), P = ctx.real_const("P"), e = ctx.real_const("e");
    return z3_abs(e + P * z3_rational(ctx, di) - z3_power(m, i) / z3_rational(ctx, factorial(i))) <=
           bound;
  };
  l.note =
      "terms of sign (-1)^(sigma i): the previous error's range is symmetric, so the sign "
      "needs no variable";
  return l;
}

BoundLemma poly_rounding_lemma(const ExpDesign& d, const ExpBudget& b, int N) {
  BoundLemma l;
  l.name = "exp.poly.rounding";
  l.claimed = b.B_Y;
  l.statement = fmt::format(
      "Y = floor(S 2^{0} + 1/2) with |S - T_{1}(r^)| <= B_{1}: |Y 2^-{0} - T_{1}(r^)| "
      "<= B_Y = {2}",
      d.q, N, format_bound(b.B_Y));
  const mpq_class previous = b.B[N], half = power_of_two(-d.q - 1);
  l.hypotheses = [previous, half](z3::context& ctx) {
    const z3::expr S = ctx.real_const("S"), T = ctx.real_const("T"), Y = ctx.real_const("Y");
    return z3_abs(S - T) <= z3_rational(ctx, previous) && Y > S - z3_rational(ctx, half) &&
           Y <= S + z3_rational(ctx, half);
  };
  l.claim = [](z3::context& ctx, const z3::expr& bound) {
    return z3_abs(ctx.real_const("Y") - ctx.real_const("T")) <= bound;
  };
  return l;
}

BoundLemma algorithm_lemma(const ExpBudget& b) {
  BoundLemma l;
  l.name = "exp.algorithm";
  l.claimed = b.delta;
  l.statement = fmt::format(
      "|r^ - r*| <= eps, |e^r^ - T| <= tau e^r^, |Y 2^-q - T| <= B_Y: |Y 2^-q - e^r*| <= delta "
      "e^r* = {}",
      format_bound(b.delta));
  l.hypotheses = [b](z3::context& ctx) {
    const z3::expr Es = ctx.real_const("exp_r_star"), Er = ctx.real_const("exp_r_hat"),
                   F = ctx.real_const("exp_d"), dd = ctx.real_const("d"), T = ctx.real_const("T"),
                   Y = ctx.real_const("Y");
    const z3::expr eps = z3_rational(ctx, b.epsilon);
    return z3_abs(dd) <= eps &&
           z3_abs(F - (1 + dd)) <= z3_rational(ctx, mpq_class(33, 40)) * dd * dd && Er == Es * F &&
           z3_abs(Er - T) <= z3_rational(ctx, b.tau) * Er &&
           z3_abs(Y - T) <= z3_rational(ctx, b.B_Y) &&
           Es >= z3_rational(ctx, mpq_class(5, 8)) - eps;
  };
  l.claim = [](z3::context& ctx, const z3::expr& bound) {
    const z3::expr Es = ctx.real_const("exp_r_star");
    return z3_abs(ctx.real_const("Y") - Es) <= bound * Es;
  };
  l.note =
      "d = r^ - r*, e^r^ = e^r* e^d with (E1) at M = 1 for e^d; e^r* >= 1 + r* >= 5/8 - eps by "
      "(E2); tau, B_Y, eps from the lemmas above";
  return l;
}

BoundLemma end_to_end_lemma(const ExpDesign& d, const ExpBudget& b) {
  BoundLemma l;
  l.name = "exp.end-to-end";
  l.claimed = b.total;
  const mpq_class u = power_of_two(-d.p);
  l.statement = fmt::format(
      "for x in D_{0} = {{x : min <= e^x <= max}}: |z - e^x| <= (2^-{0} (1 + delta) + delta) e^x = "
      "{1} "
      "e^x (the paper claims 2^-{0} = {2})",
      d.p, format_bound(b.total), format_bound(u));
  l.hypotheses = [b](z3::context& ctx) {
    const z3::expr X = ctx.real_const("exp_x"), Y = ctx.real_const("y");
    return X > 0 && z3_abs(Y - X) <= z3_rational(ctx, b.delta) * X;
  };
  l.claim = [u](z3::context& ctx, const z3::expr& bound) {
    const z3::expr X = ctx.real_const("exp_x"), Y = ctx.real_const("y"), Z = ctx.real_const("z");
    return z3::implies(z3_abs(Z - Y) <= z3_rational(ctx, u) * Y, z3_abs(Z - X) <= bound * X);
  };
  l.note =
      "y = Y 2^(k-q), z = round_p(y) with |z - y| <= 2^-p y, which holds for y in "
      "[min / (1 + 2^-p), max (1 + 2^-p)] (rounding to min or max included), and y is there on "
      "D_p because delta < 2^-p; the exact relation e^x = 2^k e^r* needs no enclosure";
  return l;
}

LemmaResult measurement(const ExpDesign& d, const ExpBudget& b) {
  const auto start = std::chrono::steady_clock::now();
  const FloatFormat f{d.p, d.p + 1};
  const bool exhaustive = d.p <= 10;
  const ExpMeasurement m = exp_measure(d, f, exhaustive ? 0 : 1 << 14);
  const mpq_class u = power_of_two(-d.p);
  LemmaResult r;
  r.name = "exp.measured";
  r.kind = LemmaKind::Measurement;
  r.claimed_bound = format_bound(b.total);
  r.tightest_bound = format_bound(m.final_error.error);
  r.statement = fmt::format(
      "{} {} inputs in D_{} ({} valid inputs outside): worst |z - e^x| / e^x = {} <= {} "
      "(end-to-end); "
      "before the last rounding worst {} <= delta = {}; the paper's 2^-{} {} ({} inputs above it)",
      exhaustive ? "every one of the" : "a sample of", m.measured, d.p, m.outside,
      format_bound(m.final_error.error), format_bound(b.total),
      format_bound(m.algorithm_error.error), format_bound(b.delta), d.p,
      m.above_2_minus_p == 0 ? "holds" : "fails", m.above_2_minus_p);
  r.witness = fmt::format("worst at x = {}, z = {}", float_to_string(m.final_error.x),
                          float_to_string(m.final_error.z));
  r.verdict = m.final_error.error <= b.total && m.algorithm_error.error <= b.delta
                  ? LemmaVerdict::Proved
                  : LemmaVerdict::Refuted;
  r.note = "e^x enclosed by MPFR at 160 bits with directed rounding; the errors are upper bounds";
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return r;
}

}  // namespace

ExpBudget exp_budget(const ExpDesign& d) {
  ExpBudget b;
  const auto [lo, hi] = ln2_enclosure();
  const mpq_class unit = power_of_two(-d.q), kmax = k_max(d);
  b.rho = mpq_class(3, 8);
  b.epsilon =
      unit / 2 + power_of_two(-d.a) + kmax * power_of_two(-d.q - d.G - 1) + kmax * (hi - lo);
  b.tau = mpq_class(33, 20) * power(b.rho, d.N + 1) / factorial(d.N + 1) / (1 - b.rho);
  b.B.assign(d.N + 1, 0);
  for (int i = 2; i <= d.N; ++i) {
    const mpq_class di = d_coefficient(d, i);
    b.B[i] = b.B[i - 1] + unit * di + di * i * power(b.rho, i - 1) * power_of_two(d.s[i] - d.q) +
             power(b.rho, i) * abs_q(di - 1 / factorial(i));
  }
  b.B_Y = b.B[d.N] + unit / 2;
  const mpq_class eta = b.epsilon + mpq_class(33, 40) * b.epsilon * b.epsilon;
  b.delta = b.B_Y / (mpq_class(5, 8) - b.epsilon) + b.tau * (1 + eta) + eta;
  b.total = power_of_two(-d.p) * (1 + b.delta) + b.delta;
  return b;
}

std::vector<LemmaResult> exp_lemmas(const Params& params) {
  // Five bisection steps bracket each tightest bound within 2^-5 relative, enough to report.
  const auto check = [](const BoundLemma& l) {
    return check_bound_lemma(l, {.bisection_steps = 5});
  };
  const ExpDesign design = exp_design(params.p);
  const ExpBudget budget = exp_budget(design);
  // The lemma-level mutant: the chain is checked for degree N - 1 against the degree-N budgets.
  ExpDesign checked = design;
  if (params.mutant == "series-one-term-short") checked.N = design.N - 1;
  std::vector<LemmaResult> results;
  results.push_back(check(range_lemma(design, budget)));
  results.push_back(check(reduction_error_lemma(design, budget)));
  results.push_back(check(taylor_lemma(budget, checked.N)));
  for (int i = 2; i <= checked.N; ++i) results.push_back(check(poly_step_lemma(design, budget, i)));
  results.push_back(check(poly_rounding_lemma(design, budget, checked.N)));
  results.push_back(check(algorithm_lemma(budget)));
  results.push_back(check(end_to_end_lemma(design, budget)));
  results.push_back(measurement(design, budget));
  return results;
}

}  // namespace tc
