// The Z3 error lemmas of silu and the measurement (see silu_lemmas.hpp).
#include "specs/silu_lemmas.hpp"

#include <fmt/core.h>

#include <chrono>

#include "lib/dyadic.hpp"
#include "lib/smt/bound_lemma.hpp"
#include "specs/exp_lemmas.hpp"
#include "specs/silu_measure.hpp"

namespace tc {

namespace {

BoundLemma sum_lemma(const SiluDesign& d, const SiluBudget& b, const mpq_class& E) {
  BoundLemma l;
  l.name = "silu.sum";
  l.claimed = b.B_s;
  const mpq_class u1 = power_of_two(-d.p1);
  l.statement = fmt::format(
      "t = e^-x > 0, |y - t| <= E t (E = {0}, exp at p1 = {1}), |s - (1 + y)| <= 2^-{1} (1 + y): "
      "|s - (1 + t)| <= B_s (1 + t), B_s = {2}",
      format_bound(E), d.p1, format_bound(b.B_s));
  l.hypotheses = [E, u1](z3::context& ctx) {
    const z3::expr t = ctx.real_const("t"), y = ctx.real_const("y"), s = ctx.real_const("s");
    return t > 0 && z3_abs(y - t) <= z3_rational(ctx, E) * t &&
           z3_abs(s - (1 + y)) <= z3_rational(ctx, u1) * (1 + y);
  };
  l.claim = [](z3::context& ctx, const z3::expr& bound) {
    const z3::expr t = ctx.real_const("t"), s = ctx.real_const("s");
    return z3_abs(s - (1 + t)) <= bound * (1 + t);
  };
  l.note = fmt::format(
      "E = exp.end-to-end@p{} (proved above, on -x in D_p1); fadd's rounding of "
      "1 + y in [1, max_p1 + 1] is within 2^-p1 relative",
      d.p1);
  return l;
}

BoundLemma quotient_lemma(const SiluDesign& d, const SiluBudget& b) {
  BoundLemma l;
  l.name = "silu.quotient";
  l.claimed = b.B_w;
  const mpq_class u1 = power_of_two(-d.p1), bs = b.B_s;
  l.statement = fmt::format(
      "S = 1 + t >= 1, |s - S| <= B_s S, |w s - x| <= 2^-{0} |x|: |w S - x| <= B_w |x|, i.e. "
      "|w - x / S| <= B_w |x / S|, B_w = {1}",
      d.p1, format_bound(b.B_w));
  l.hypotheses = [u1, bs](z3::context& ctx) {
    const z3::expr S = ctx.real_const("S"), s = ctx.real_const("s"), w = ctx.real_const("w"),
                   x = ctx.real_const("x");
    return S >= 1 && z3_abs(s - S) <= z3_rational(ctx, bs) * S &&
           z3_abs(w * s - x) <= z3_rational(ctx, u1) * z3_abs(x);
  };
  l.claim = [](z3::context& ctx, const z3::expr& bound) {
    const z3::expr S = ctx.real_const("S"), w = ctx.real_const("w"), x = ctx.real_const("x");
    return z3_abs(w * S - x) <= bound * z3_abs(x);
  };
  l.note =
      "w = round_p1(x / s) written as w s = x (1 + d2) (s > 0 since B_s < 1); |x / s| is in "
      "fdiv's rounding range on D_p";
  return l;
}

BoundLemma range_lemma(const SiluDesign& d, const SiluBudget& b) {
  BoundLemma l;
  l.name = "silu.range";
  const mpq_class u = power_of_two(-d.p), bw = b.B_w;
  l.claimed = u;
  l.statement = fmt::format(
      "0 < m <= F <= M, |w - F| <= B_w F (B_w = {0}): m <= w (1 + r) and w <= M (1 + r) for "
      "r = 2^-{1}, so the narrowing of w = round_p1(x / s) to p bits is within 2^-{1} relative",
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
  l.note =
      "F = |silu(x)| in [min_p, max_p] on D_p (m, M stand for min_p, max_p); the tightest r "
      "shows the slack left to the rounding range";
  return l;
}

BoundLemma end_to_end_lemma(const SiluDesign& d, const SiluBudget& b) {
  BoundLemma l;
  l.name = "silu.end-to-end";
  l.claimed = b.total;
  const mpq_class u = power_of_two(-d.p), bw = b.B_w;
  l.statement = fmt::format(
      "for x in D_{0} = {{x : min_{1} <= e^-x <= max_{1}, min_{0} <= |silu(x)|}}: |z - silu(x)| <= "
      "(B_w + 2^-{0} (1 + B_w)) |silu(x)| = {2} |silu(x)| (the paper claims 2^-{0} = {3})",
      d.p, d.p1, format_bound(b.total), format_bound(u));
  l.hypotheses = [bw](z3::context& ctx) {
    const z3::expr F = ctx.real_const("F"), w = ctx.real_const("w");
    return F != 0 && z3_abs(w - F) <= z3_rational(ctx, bw) * z3_abs(F);
  };
  l.claim = [u](z3::context& ctx, const z3::expr& bound) {
    const z3::expr F = ctx.real_const("F"), w = ctx.real_const("w"), z = ctx.real_const("z");
    return z3::implies(z3_abs(z - w) <= z3_rational(ctx, u) * z3_abs(w),
                       z3_abs(z - F) <= bound * z3_abs(F));
  };
  l.note =
      "F = silu(x) = x / (1 + t) exactly; w from silu.quotient; z = round_p(w) within 2^-p "
      "relative by silu.range";
  return l;
}

LemmaResult measurement(const SiluDesign& d, const SiluBudget& b) {
  const auto start = std::chrono::steady_clock::now();
  const bool exhaustive = d.p <= 10;
  const SiluMeasurement m = silu_measure(d, exhaustive ? 0 : 1 << 14);
  LemmaResult r;
  r.name = "silu.measured";
  r.kind = LemmaKind::Measurement;
  r.claimed_bound = format_bound(b.total);
  r.tightest_bound = format_bound(m.final_error.error);
  r.statement = fmt::format(
      "{} {} inputs in D_{}: worst |z - silu(x)| / |silu(x)| = {} <= {} (end-to-end); before the "
      "narrowing worst {} <= B_w = {}; the paper's 2^-{} {} ({} inputs above it); outside D_{}: "
      "{} flushed (e^-x < min_p1, z = x exactly: {} exceptions), {} underflowing (z = 0 or "
      "+-min: {} exceptions), x = 0 {}",
      exhaustive ? "every one of the" : "a sample of", m.measured, d.p,
      format_bound(m.final_error.error), format_bound(b.total),
      format_bound(m.before_narrowing.error), format_bound(b.B_w), d.p,
      m.above_2_minus_p == 0 ? "holds" : "fails", m.above_2_minus_p, d.p, m.flushed,
      m.flushed_inexact, m.underflow, m.underflow_wrong, m.zero_wrong == 0 ? "exact" : "WRONG");
  r.witness = fmt::format("worst at x = {}, z = {}", float_to_string(m.final_error.x),
                          float_to_string(m.final_error.z));
  const bool ok = m.final_error.error <= b.total && m.before_narrowing.error <= b.B_w &&
                  m.flushed_inexact == 0 && m.underflow_wrong == 0 && m.zero_wrong == 0;
  r.verdict = ok ? LemmaVerdict::Proved : LemmaVerdict::Refuted;
  r.note =
      "silu(x) enclosed by MPFR at 160 bits (plus -log2 |x| bits near 0) with directed "
      "rounding; the errors are upper bounds; the model is exp_model and the GMP evaluator at p1";
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return r;
}

}  // namespace

SiluBudget silu_budget(const SiluDesign& d, bool exp_error_ignored) {
  SiluBudget b;
  const mpq_class u1 = power_of_two(-d.p1), u = power_of_two(-d.p);
  b.E = exp_error_ignored ? mpq_class(0) : exp_budget(exp_design(d.p1)).total;
  b.B_s = b.E + u1 + b.E * u1;
  b.B_w = (1 + u1) / (1 - b.B_s) - 1;
  b.total = b.B_w + u * (1 + b.B_w);
  return b;
}

std::vector<LemmaResult> silu_lemmas(const Params& params) {
  const auto check = [](const BoundLemma& l) {
    return check_bound_lemma(l, {.bisection_steps = 5});
  };
  const SiluDesign d = silu_design(params.p);
  // exp's own chain at p1: its end-to-end bound is silu's hypothesis.
  std::vector<LemmaResult> results = exp_lemmas(float_params(d.wide()));
  for (LemmaResult& r : results) r.name += fmt::format("@p{}", d.p1);
  const mpq_class E = exp_budget(exp_design(d.p1)).total;
  const SiluBudget budget = silu_budget(d, params.mutant == "exp-error-ignored");
  results.push_back(check(sum_lemma(d, budget, E)));
  results.push_back(check(quotient_lemma(d, budget)));
  results.push_back(check(range_lemma(d, budget)));
  results.push_back(check(end_to_end_lemma(d, budget)));
  results.push_back(measurement(d, budget));
  return results;
}

}  // namespace tc
