// The Z3 error lemmas of softplus and the measurement (see softplus_lemmas.hpp).
#include "specs/softplus_lemmas.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <chrono>

#include "lib/dyadic.hpp"
#include "lib/smt/bound_lemma.hpp"
#include "specs/exp_algorithm.hpp"
#include "specs/exp_lemmas.hpp"
#include "specs/log.hpp"
#include "specs/log_lemmas.hpp"
#include "specs/softplus_measure.hpp"

namespace tc {

namespace {

BoundLemma gap_lemma(const SoftplusDesign& d, const SoftplusBudget& b) {
  BoundLemma l;
  l.name = "softplus.gap";
  l.claimed = b.A;
  const mpq_class u1 = power_of_two(-d.p1), E = b.E;
  l.statement = fmt::format(
      "0 < t <= 1, |y - t| <= E t (E = {0}, exp at p1 = {1}), |s - (1 + y)| <= 2^-{1} (1 + y): "
      "|(s - 1) - t| <= A = {2}",
      format_bound(E), d.p1, format_bound(b.A));
  l.hypotheses = [E, u1](z3::context& ctx) {
    const z3::expr t = ctx.real_const("t"), y = ctx.real_const("y"), s = ctx.real_const("s");
    return t > 0 && t <= 1 && z3_abs(y - t) <= z3_rational(ctx, E) * t &&
           z3_abs(s - (1 + y)) <= z3_rational(ctx, u1) * (1 + y);
  };
  l.claim = [](z3::context& ctx, const z3::expr& bound) {
    const z3::expr t = ctx.real_const("t"), s = ctx.real_const("s");
    return z3_abs(s - 1 - t) <= bound;
  };
  l.note = fmt::format(
      "t = e^-|x|; E = exp.end-to-end@p{} (on D_p1); d = round(s - 1) = s - 1 "
      "exactly (s in [1, 4) is a multiple of ulp(1); the measurement checks it)",
      d.p1);
  return l;
}

BoundLemma product_lemma(const SoftplusDesign& d, const SoftplusBudget& b) {
  BoundLemma l;
  l.name = "softplus.product";
  l.claimed = b.B_p;
  const mpq_class u1 = power_of_two(-d.p1), Lambda = b.Lambda;
  l.statement = fmt::format(
      "ln s > 0, y > 0, d > 0, |lambda - ln s| <= Lambda ln s (Lambda = {0}, log at p1 = {1}), "
      "|q d - y| <= 2^-{1} y, |l - lambda q| <= 2^-{1} lambda q: |l d - y ln s| <= B_p y ln s, "
      "B_p = {2}",
      format_bound(Lambda), d.p1, format_bound(b.B_p));
  l.hypotheses = [Lambda, u1](z3::context& ctx) {
    const z3::expr ls = ctx.real_const("ln_s"), y = ctx.real_const("y"), dd = ctx.real_const("d"),
                   lambda = ctx.real_const("lambda"), q = ctx.real_const("q"),
                   l = ctx.real_const("l");
    return ls > 0 && y > 0 && dd > 0 && z3_abs(lambda - ls) <= z3_rational(ctx, Lambda) * ls &&
           z3_abs(q * dd - y) <= z3_rational(ctx, u1) * y &&
           z3_abs(l - lambda * q) <= z3_rational(ctx, u1) * lambda * q;
  };
  l.claim = [](z3::context& ctx, const z3::expr& bound) {
    const z3::expr ls = ctx.real_const("ln_s"), y = ctx.real_const("y"), dd = ctx.real_const("d"),
                   l = ctx.real_const("l");
    return z3_abs(l * dd - y * ls) <= bound * y * ls;
  };
  l.note = fmt::format(
      "Lambda = log.end-to-end@p{} (s in (1, 2]: ln s >= 2^-{} does not "
      "underflow); q = round(y / d), l = round(lambda q) at p1",
      d.p1, d.p1);
  return l;
}

BoundLemma log1p_lemma(const SoftplusBudget& b, const mpq_class& A) {
  BoundLemma l;
  l.name = "softplus.log1p";
  l.claimed = b.B_l;
  const mpq_class E = b.E, Bp = b.B_p, a = A / 2;
  l.statement = fmt::format(
      "d != 0: 0 < t <= 1, g_t = g(t) > 0, rho = g(d) / g(t) in [1 - A/2, 1 / (1 - A/2)] "
      "(A = {0}), |y - t| <= E t, |l - y rho g_t| <= B_p y rho g_t: |l - t g_t| <= B_l t g_t, "
      "i.e. |l - ln(1 + t)| <= B_l ln(1 + t), B_l = {1}",
      format_bound(A), format_bound(b.B_l));
  l.hypotheses = [E, Bp, a](z3::context& ctx) {
    const z3::expr t = ctx.real_const("t"), gt = ctx.real_const("g_t"), rho = ctx.real_const("rho"),
                   y = ctx.real_const("y"), l = ctx.real_const("l");
    const z3::expr ra = z3_rational(ctx, a);
    return t > 0 && t <= 1 && gt > 0 && rho >= 1 - ra && rho * (1 - ra) <= 1 &&
           z3_abs(y - t) <= z3_rational(ctx, E) * t &&
           z3_abs(l - y * rho * gt) <= z3_rational(ctx, Bp) * y * rho * gt;
  };
  l.claim = [](z3::context& ctx, const z3::expr& bound) {
    const z3::expr t = ctx.real_const("t"), gt = ctx.real_const("g_t"), l = ctx.real_const("l");
    return z3_abs(l - t * gt) <= bound * t * gt;
  };
  l.note =
      "ln(s) y / d = y g(d) since ln s = ln(1 + d) = d g(d); trusted (G): |ln g(d) - ln g(t)| "
      "<= |d - t| / 2 <= A / 2 (softplus.gap), and e^z >= 1 + z";
  return l;
}

BoundLemma tiny_lemma(const SoftplusDesign& d, const SoftplusBudget& b) {
  BoundLemma l;
  l.name = "softplus.tiny";
  l.claimed = b.B_t;
  const mpq_class u1 = power_of_two(-d.p1), E = b.E;
  l.statement = fmt::format(
      "d = 0: 1 + y rounds to 1, so |1 - (1 + y)| <= 2^-{0} (1 + y); t > 0, |y - t| <= E t, "
      "t - t^2/2 <= L <= t: |y - L| <= B_t L, B_t = {1}",
      d.p1, format_bound(b.B_t));
  l.hypotheses = [E, u1](z3::context& ctx) {
    const z3::expr t = ctx.real_const("t"), y = ctx.real_const("y"), L = ctx.real_const("L");
    return t > 0 && y >= 0 && y <= z3_rational(ctx, u1) * (1 + y) &&
           z3_abs(y - t) <= z3_rational(ctx, E) * t && L >= t - t * t / 2 && L <= t;
  };
  l.claim = [](z3::context& ctx, const z3::expr& bound) {
    const z3::expr y = ctx.real_const("y"), L = ctx.real_const("L");
    return z3_abs(y - L) <= bound * L;
  };
  l.note = "L = ln(1 + t); trusted (T): t - t^2/2 <= ln(1 + t) <= t for t >= 0";
  return l;
}

BoundLemma shift_lemma(const SoftplusDesign& d, const SoftplusBudget& b) {
  BoundLemma l;
  l.name = "softplus.shift";
  l.claimed = b.B_w;
  const mpq_class u1 = power_of_two(-d.p1), B = std::max(b.B_l, b.B_t);
  l.statement = fmt::format(
      "x >= 0, L > 0, |l - L| <= B L (B = max(B_l, B_t) = {0}), |w - (x + l)| <= 2^-{1} (x + l): "
      "|w - (x + L)| <= B_w (x + L), B_w = {2}",
      format_bound(B), d.p1, format_bound(b.B_w));
  l.hypotheses = [B, u1](z3::context& ctx) {
    const z3::expr x = ctx.real_const("x"), L = ctx.real_const("L"), l = ctx.real_const("l"),
                   w = ctx.real_const("w");
    return x >= 0 && L > 0 && z3_abs(l - L) <= z3_rational(ctx, B) * L &&
           z3_abs(w - (x + l)) <= z3_rational(ctx, u1) * (x + l);
  };
  l.claim = [](z3::context& ctx, const z3::expr& bound) {
    const z3::expr x = ctx.real_const("x"), L = ctx.real_const("L"), w = ctx.real_const("w");
    return z3_abs(w - (x + L)) <= bound * (x + L);
  };
  l.note = "softplus(x) = x + softplus(-x) = x + L for x >= 0; for x < 0, w = l and B <= B_w";
  return l;
}

BoundLemma range_lemma(const SoftplusDesign& d, const SoftplusBudget& b) {
  BoundLemma l;
  l.name = "softplus.range";
  const mpq_class u = power_of_two(-d.p), bw = b.B_w;
  l.claimed = u;
  l.statement = fmt::format(
      "0 < m <= F <= M, |w - F| <= B_w F (B_w = {0}): m <= w (1 + r) and w <= M (1 + r) for "
      "r = 2^-{1}, so the narrowing of w to p bits is within 2^-{1} relative",
      format_bound(bw), d.p);
  l.hypotheses = [bw](z3::context& ctx) {
    const z3::expr m = ctx.real_const("m"), M = ctx.real_const("M"), F = ctx.real_const("F"),
                   w = ctx.real_const("w");
    return m > 0 && m <= F && F <= M && z3_abs(w - F) <= z3_rational(ctx, bw) * F;
  };
  l.claim = [](z3::context& ctx, const z3::expr& bound) {
    const z3::expr m = ctx.real_const("m"), M = ctx.real_const("M"), w = ctx.real_const("w");
    return m <= w * (1 + bound) && w <= M * (1 + bound);
  };
  l.note = "F = softplus(x) in [min_p, max_p] on D_p (m, M stand for min_p, max_p)";
  return l;
}

BoundLemma end_to_end_lemma(const SoftplusDesign& d, const SoftplusBudget& b) {
  BoundLemma l;
  l.name = "softplus.end-to-end";
  l.claimed = b.total;
  const mpq_class u = power_of_two(-d.p), bw = b.B_w;
  l.statement = fmt::format(
      "for x in D_{0} = {{x : e^-|x| >= min_{1}, min_{0} <= softplus(x) <= max_{0}}}: "
      "|z - softplus(x)| <= (B_w + 2^-{0} (1 + B_w)) softplus(x) = {2} softplus(x) (the paper "
      "claims 2^-{0} = {3})",
      d.p, d.p1, format_bound(b.total), format_bound(u));
  l.hypotheses = [bw](z3::context& ctx) {
    const z3::expr F = ctx.real_const("F"), w = ctx.real_const("w");
    return F > 0 && z3_abs(w - F) <= z3_rational(ctx, bw) * F;
  };
  l.claim = [u](z3::context& ctx, const z3::expr& bound) {
    const z3::expr F = ctx.real_const("F"), w = ctx.real_const("w"), z = ctx.real_const("z");
    return z3::implies(z3_abs(z - w) <= z3_rational(ctx, u) * z3_abs(w),
                       z3_abs(z - F) <= bound * F);
  };
  l.note =
      "F = softplus(x); w from softplus.shift; z = round_p(w) within 2^-p relative by "
      "softplus.range";
  return l;
}

LemmaResult measurement(const SoftplusDesign& d, const SoftplusBudget& b) {
  const auto start = std::chrono::steady_clock::now();
  const bool exhaustive = d.p <= 10;
  const SoftplusMeasurement m = softplus_measure(d, exhaustive ? 0 : 1 << 14);
  LemmaResult r;
  r.name = "softplus.measured";
  r.kind = LemmaKind::Measurement;
  r.claimed_bound = format_bound(b.total);
  r.tightest_bound = format_bound(m.final_error.error);
  r.statement = fmt::format(
      "{} {} inputs in D_{}: worst |z - softplus(x)| / softplus(x) = {} <= {} (end-to-end), "
      "over x < 0 {}; before the narrowing worst {} <= B_w = {}; the paper's 2^-{} {} ({} inputs "
      "above it); d = s - 1 inexact on {} inputs; outside D_{}: {} flushed (z = x exactly: {} "
      "exceptions), {} underflowing",
      exhaustive ? "every one of the" : "a sample of", m.measured, d.p,
      format_bound(m.final_error.error), format_bound(b.total), format_bound(m.negative_side.error),
      format_bound(m.before_narrowing.error), format_bound(b.B_w), d.p,
      m.above_2_minus_p == 0 ? "holds" : "fails", m.above_2_minus_p, m.sterbenz_inexact, d.p,
      m.flushed, m.flushed_inexact, m.underflow);
  r.witness = fmt::format("worst at x = {}, z = {}", float_to_string(m.final_error.x),
                          float_to_string(m.final_error.z));
  const bool ok = m.final_error.error <= b.total && m.before_narrowing.error <= b.B_w &&
                  m.flushed_inexact == 0 && m.sterbenz_inexact == 0;
  r.verdict = ok ? LemmaVerdict::Proved : LemmaVerdict::Refuted;
  r.note =
      "softplus(x) enclosed by MPFR at 160 bits with directed rounding; the errors are upper "
      "bounds; the model is exp_model, LogModel and the GMP evaluator at p1";
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return r;
}

}  // namespace

SoftplusBudget softplus_budget(const SoftplusDesign& d, bool gap_ignored) {
  SoftplusBudget b;
  const mpq_class u1 = power_of_two(-d.p1), u = power_of_two(-d.p);
  b.E = exp_budget(exp_design(d.p1)).total;
  b.Lambda = log_design(d.p1).end_to_end_bound();
  b.A = u1 * (2 + b.E) + b.E;
  b.B_p = (1 + b.Lambda) * (1 + u1) * (1 + u1) - 1;
  const mpq_class a = gap_ignored ? mpq_class(0) : mpq_class(b.A / 2);
  b.B_l = (1 + b.E) * (1 + b.B_p) / (1 - a) - 1;
  b.B_t = b.E + u1;
  const mpq_class B = std::max(b.B_l, b.B_t);
  b.B_w = B + u1 * (1 + B);
  b.total = b.B_w + u * (1 + b.B_w);
  return b;
}

std::vector<LemmaResult> softplus_lemmas(const Params& params) {
  const auto check = [](const BoundLemma& l) {
    return check_bound_lemma(l, {.bisection_steps = 5});
  };
  const SoftplusDesign d = softplus_design(params.p);
  const Params wide = float_params(d.wide());
  // exp's and log's own chains at p1: their end-to-end bounds are hypotheses here.
  std::vector<LemmaResult> results = exp_lemmas(wide);
  for (LemmaResult& r : log_lemmas(wide)) results.push_back(r);
  for (LemmaResult& r : results) r.name += fmt::format("@p{}", d.p1);
  const SoftplusBudget budget = softplus_budget(d, params.mutant == "log1p-gap-ignored");
  const SoftplusBudget honest = softplus_budget(d);
  results.push_back(check(gap_lemma(d, budget)));
  results.push_back(check(product_lemma(d, budget)));
  results.push_back(check(log1p_lemma(budget, honest.A)));
  results.push_back(check(tiny_lemma(d, budget)));
  results.push_back(check(shift_lemma(d, budget)));
  results.push_back(check(range_lemma(d, budget)));
  results.push_back(check(end_to_end_lemma(d, budget)));
  results.push_back(measurement(d, budget));
  return results;
}

}  // namespace tc
