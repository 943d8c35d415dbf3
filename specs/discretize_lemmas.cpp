// The Z3 error lemmas of the discretization and the measurement (see discretize_lemmas.hpp).
#include "specs/discretize_lemmas.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <chrono>

#include "lib/dyadic.hpp"
#include "lib/smt/bound_lemma.hpp"
#include "specs/discretize_measure.hpp"
#include "specs/exp_lemmas.hpp"
#include "specs/expm1_ratio.hpp"
#include "specs/float_exact.hpp"

namespace tc {

namespace {

// |v - exact| <= u |exact|: the rounding of one operation at unit u.
z3::expr rounded(z3::context& ctx, const z3::expr& v, const z3::expr& exact, const mpq_class& u) {
  return z3_abs(v - exact) <= z3_rational(ctx, u) * z3_abs(exact);
}

BoundLemma series_lemma(const DiscretizeDesign& d, const DiscretizeBudget& b) {
  BoundLemma l;
  l.name = "discretize.phi.series";
  l.claimed = b.S;
  const FloatFormat f1 = d.wide();
  const mpq_class u1 = power_of_two(-d.p1), T = b.T;
  const mpq_class c2 = value(round_to_float(mpq_class(1, 6), f1));
  const mpq_class c3 = value(round_to_float(mpq_class(1, 24), f1));
  l.statement = fmt::format(
      "z in [-T, 0), T = {}: s = ((z (*) c3 (+) c2) (*) z (+) 1/2) (*) z (+) 1 at p1 = {} "
      "(c2 = round(1/6), c3 = round(1/24)) has |s - phi(z)| <= S phi(z), S = {}",
      T.get_str(), d.p1, format_bound(b.S));
  l.hypotheses = [=](z3::context& ctx) {
    const z3::expr z = ctx.real_const("z"), ph = ctx.real_const("ph");
    const z3::expr m1 = ctx.real_const("m1"), a1 = ctx.real_const("a1"), m2 = ctx.real_const("m2"),
                   a2 = ctx.real_const("a2"), m3 = ctx.real_const("m3"), s = ctx.real_const("s");
    const z3::expr poly = 1 + z / 2 + z * z / 6 + z * z * z / 24;
    return z >= -z3_rational(ctx, T) && z < 0 &&
           z3_abs(ph - poly) <= z3_rational(ctx, mpq_class(33, 2400)) * z * z * z * z &&
           rounded(ctx, m1, z * z3_rational(ctx, c3), u1) &&
           rounded(ctx, a1, m1 + z3_rational(ctx, c2), u1) && rounded(ctx, m2, z * a1, u1) &&
           rounded(ctx, a2, m2 + z3_rational(ctx, mpq_class(1, 2)), u1) &&
           rounded(ctx, m3, z * a2, u1) && rounded(ctx, s, m3 + 1, u1);
  };
  l.claim = [](z3::context& ctx, const z3::expr& bound) {
    const z3::expr ph = ctx.real_const("ph"), s = ctx.real_const("s");
    return z3_abs(s - ph) <= bound * ph;
  };
  l.note =
      "(E1') |phi(z) - T(z)| <= (33/20) |z|^4 / 5! for |z| <= 1/2 (phi(z) = int_0^1 e^(sz) ds, "
      "Lagrange remainder of e^(sz), e^(1/2) < 33/20); each fmul/fadd at p1 within 2^-p1 "
      "relative (no underflow: |z| >= min_p^2)";
  return l;
}

BoundLemma quotient_lemma(const DiscretizeDesign& d, const DiscretizeBudget& b,
                          const mpq_class& Q) {
  BoundLemma l;
  l.name = "discretize.phi.quotient";
  l.claimed = Q;
  const mpq_class u1 = power_of_two(-d.p1), T = b.T, E = b.E, Zw = b.Z * (1 + b.u_z);
  l.statement = fmt::format(
      "z in [-{}, -T], T = {}, w = e^z, |y - w| <= E w (E = {}, exp at p1 = {}), d = round_p1(y - "
      "1), "
      "q = round_p1(d / z): |q - phi(z)| <= Q phi(z), Q = {}",
      format_bound(Zw), T.get_str(), format_bound(E), d.p1, format_bound(Q));
  l.hypotheses = [=](z3::context& ctx) {
    const z3::expr z = ctx.real_const("z"), w = ctx.real_const("w"), y = ctx.real_const("y"),
                   dd = ctx.real_const("d"), q = ctx.real_const("q");
    return z >= -z3_rational(ctx, Zw) && z <= -z3_rational(ctx, T) && w > 0 && w >= 1 + z &&
           w * (1 - z) <= 1 && z3_abs(y - w) <= z3_rational(ctx, E) * w &&
           rounded(ctx, dd, y - 1, u1) && rounded(ctx, q * z, dd, u1);
  };
  l.claim = [](z3::context& ctx, const z3::expr& bound) {
    const z3::expr z = ctx.real_const("z"), w = ctx.real_const("w"), q = ctx.real_const("q");
    // phi(z) = (w - 1) / z > 0: |q - phi| <= B phi  <=>  |q z - (w - 1)| <= B (1 - w)
    return z3_abs(q * z - (w - 1)) <= bound * (1 - w);
  };
  l.note =
      "(E2) at v = z and v = -z: w >= 1 + z and w (1 - z) <= 1, so 1 - w >= w |z| (the "
      "cancellation factor w / (1 - w) <= 1 / |z|); E = exp.end-to-end@p1 on -2 <= z "
      "(e^z in [min_p1, max_p1]); d1, d2 the roundings of fadd and fdiv at p1";
  return l;
}

BoundLemma shift_lemma(const DiscretizeBudget& b, const mpq_class& Phi) {
  BoundLemma l;
  l.name = "discretize.phi.shift";
  l.claimed = b.Phi_x;
  const mpq_class eta = b.u_z * b.Z / 2;
  l.statement = fmt::format(
      "|f - phi(z)| <= Phi phi(z) (Phi = max(S, Q) = {}), z = Delta a (1 + dz), |dz| <= u_z = {}, "
      "|Delta a| <= Z = {}: |f - phi(Delta a)| <= Phi_x phi(Delta a), Phi_x = {}",
      format_bound(Phi), format_bound(b.u_z), b.Z.get_str(), format_bound(b.Phi_x));
  l.hypotheses = [=](z3::context& ctx) {
    const z3::expr P = ctx.real_const("P"), Pz = ctx.real_const("Pz"), f = ctx.real_const("f");
    const z3::expr e = z3_rational(ctx, eta);
    return P > 0 && Pz >= P * (1 - e) && Pz * (1 - e) <= P &&
           z3_abs(f - Pz) <= z3_rational(ctx, Phi) * Pz;
  };
  l.claim = [](z3::context& ctx, const z3::expr& bound) {
    const z3::expr P = ctx.real_const("P"), f = ctx.real_const("f");
    return z3_abs(f - P) <= bound * P;
  };
  l.note =
      "(P) |ln phi(z) - ln phi(x)| <= |z - x| / 2 <= u_z Z / 2, then (E2) for e^(+-theta); "
      "u_z = 0 when p1 >= 2p (the product of two p-bit significands fits p1 bits)";
  return l;
}

BoundLemma abar_lemma(const DiscretizeDesign& d, const DiscretizeBudget& b) {
  BoundLemma l;
  l.name = "discretize.abar";
  l.claimed = b.A;
  const mpq_class u = power_of_two(-d.p), eta = b.u_z * b.Z, E = b.E;
  l.statement = fmt::format(
      "x = Delta a in [-{}, 0), z = x (1 + dz), |dz| <= u_z = {}, |y - e^z| <= E e^z (E = {}), "
      "Abar = round_p(y): |Abar - e^x| <= A e^x, A = {} (the paper claims 2^-{} = {})",
      b.Z.get_str(), format_bound(b.u_z), format_bound(E), format_bound(b.A), d.p, format_bound(u));
  l.hypotheses = [=](z3::context& ctx) {
    const z3::expr X = ctx.real_const("X"), W = ctx.real_const("W"), y = ctx.real_const("y"),
                   ab = ctx.real_const("abar");
    const z3::expr e = z3_rational(ctx, eta);
    return X > 0 && W >= X * (1 - e) && W * (1 - e) <= X &&
           z3_abs(y - W) <= z3_rational(ctx, E) * W && rounded(ctx, ab, y, u);
  };
  l.claim = [](z3::context& ctx, const z3::expr& bound) {
    const z3::expr X = ctx.real_const("X"), ab = ctx.real_const("abar");
    return z3_abs(ab - X) <= bound * X;
  };
  l.note =
      "X = e^x, W = e^z: (E2) at v = +-(z - x), |z - x| <= u_z Z; e^x in [e^-2, 1] lies in "
      "[min_p, max_p], so the narrowing is within 2^-p relative";
  return l;
}

BoundLemma bbar_lemma(const DiscretizeDesign& d, const DiscretizeBudget& b) {
  BoundLemma l;
  l.name = "discretize.bbar";
  l.claimed = b.B;
  const mpq_class u = power_of_two(-d.p), u1 = power_of_two(-d.p1), Px = b.Phi_x;
  l.statement = fmt::format(
      "|f - phi(x)| <= Phi_x phi(x) (Phi_x = {}), t = round_p1(Delta f), w = round_p1(t b), "
      "Bbar = round_p(w): |Bbar - ZOH| <= B |ZOH|, ZOH = (e^x - 1)/a b = Delta phi(x) b, B = {} "
      "(the paper claims 2^-{} = {})",
      format_bound(Px), format_bound(b.B), d.p, format_bound(u));
  // Delta > 0 and b scale every quantity exactly; the lemma is stated for Delta b = 1.
  l.hypotheses = [=](z3::context& ctx) {
    const z3::expr P = ctx.real_const("P"), f = ctx.real_const("f"), t = ctx.real_const("t"),
                   w = ctx.real_const("w"), bb = ctx.real_const("bbar");
    return P > 0 && z3_abs(f - P) <= z3_rational(ctx, Px) * P && rounded(ctx, t, f, u1) &&
           rounded(ctx, w, t, u1) && rounded(ctx, bb, w, u);
  };
  l.claim = [](z3::context& ctx, const z3::expr& bound) {
    const z3::expr P = ctx.real_const("P"), bb = ctx.real_const("bbar");
    return z3_abs(bb - P) <= bound * P;
  };
  l.note =
      "scaled by Delta b (every step is a product); on D_p 2 min_p <= |ZOH| <= max_p / 2 and "
      "B < 1/2 keep w in [min_p, max_p], where the narrowing is within 2^-p relative";
  return l;
}

BoundLemma euler_gap_lemma(const DiscretizeBudget& b) {
  BoundLemma l;
  l.name = "discretize.euler.gap";
  l.claimed = mpq_class(1, 2);
  l.statement = fmt::format(
      "x in [-{}, 0): 0 <= 1 - phi(x) <= c |x| with c = 1/2, so the Euler Bbar = Delta b differs "
      "from the ZOH by the factor 1 / phi(x) (REFERENCE.md section 7)",
      b.Z.get_str());
  const mpq_class Z = b.Z;
  l.hypotheses = [=](z3::context& ctx) {
    const z3::expr x = ctx.real_const("x"), w = ctx.real_const("w");
    return x >= -z3_rational(ctx, Z) && x < 0 && w >= 1 + x && w <= 1 + x + x * x / 2;
  };
  l.claim = [](z3::context& ctx, const z3::expr& bound) {
    const z3::expr x = ctx.real_const("x"), w = ctx.real_const("w");
    // phi = (w - 1) / x with x < 0: phi <= 1 iff w - 1 >= x; 1 - phi <= c |x| iff
    // w <= 1 + x + c x^2
    return w - 1 >= x && w <= 1 + x + bound * x * x;
  };
  l.note =
      "(E2) w = e^x >= 1 + x, and e^x <= 1 + x + x^2/2 for x <= 0 (alternating Taylor "
      "remainder, REFERENCE.md section 7)";
  return l;
}

LemmaResult measurement(const DiscretizeDesign& d, const DiscretizeBudget& b) {
  const auto start = std::chrono::steady_clock::now();
  const bool exhaustive = d.p <= 4;
  const DiscretizeMeasurement m = discretize_measure(d, b.Z, exhaustive ? 0 : 1 << 12);
  LemmaResult r;
  r.name = "discretize.measured";
  r.kind = LemmaKind::Measurement;
  r.claimed_bound = format_bound(d.euler ? b.A : b.B);
  r.tightest_bound = format_bound(d.euler ? m.abar.error : m.bbar.error);
  const std::string phi_part = d.euler
                                   ? std::string("euler: phi not computed; ")
                                   : fmt::format("worst phi_p1 error {} <= Phi_x = {}; ",
                                                 format_bound(m.phi.error), format_bound(b.Phi_x));
  r.statement = fmt::format(
      "{} {} pairs (delta, a) in D_{} (|Delta a| <= {}), {} with b: worst Abar error {} <= A = {} "
      "({} pairs above 2^-{}); {}worst Bbar error to the ZOH {}{} ({} points above 2^-{}); the "
      "paper's 2^-{} {}{}; z inexact at {} pairs",
      exhaustive ? "every one of the" : "a sample of", m.pairs, d.p, b.Z.get_str(), m.points,
      format_bound(m.abar.error), format_bound(b.A), m.abar_above_2_minus_p, d.p, phi_part,
      format_bound(m.bbar.error),
      d.euler ? " (euler: no bound claimed)" : fmt::format(" <= B = {}", format_bound(b.B)),
      m.bbar_above_2_minus_p, d.p, d.p,
      m.abar_above_2_minus_p + (d.euler ? 0 : m.bbar_above_2_minus_p) == 0 ? "holds" : "fails",
      d.euler ? " for Abar" : "", m.z_inexact);
  r.witness = fmt::format(
      "worst Abar at delta = {}, a = {}; worst Bbar at delta = {}, a = {}, b = {}",
      float_to_string(m.abar.delta), float_to_string(m.abar.a), float_to_string(m.bbar.delta),
      float_to_string(m.bbar.a), float_to_string(m.bbar.b));
  const bool ok = m.abar.error <= b.A &&
                  (d.euler || (m.phi.error <= b.Phi_x && m.bbar.error <= b.B)) &&
                  (b.u_z != 0 || m.z_inexact == 0);
  r.verdict = ok ? LemmaVerdict::Proved : LemmaVerdict::Refuted;
  r.note =
      "e^x and expm1(x) / x enclosed by MPFR at 160 bits with directed rounding from the exact "
      "x = Delta a; errors are upper bounds; the model is exp_model and the GMP evaluator at p1";
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return r;
}

}  // namespace

DiscretizeBudget discretize_budget(const DiscretizeDesign& d, bool cancellation_ignored) {
  DiscretizeBudget b;
  const mpq_class u = power_of_two(-d.p), u1 = power_of_two(-d.p1);
  b.Z = 2;
  b.T = power_of_two(-expm1_ratio_design(d.p1).t);
  b.E = exp_budget(exp_design(d.p1)).total;
  b.u_z = d.p1 >= 2 * d.p ? mpq_class(0) : u1;
  b.S = (u1 * (1 + 2 * b.T) + mpq_class(33, 2400) * b.T * b.T * b.T * b.T) / (1 - b.T / 2);
  const mpq_class amplified = cancellation_ignored ? b.E : b.E / b.T;
  b.Q = (1 + amplified) * (1 + u1) * (1 + u1) - 1;
  const mpq_class Phi = std::max(b.S, b.Q);
  b.Phi_x = (1 + Phi) / (1 - b.u_z * b.Z / 2) - 1;
  b.A = (1 + b.E) * (1 + u) / (1 - b.u_z * b.Z) - 1;
  b.B = (1 + b.Phi_x) * (1 + u1) * (1 + u1) * (1 + u) - 1;
  return b;
}

std::vector<LemmaResult> discretize_lemmas(const Params& params) {
  const auto check = [](const BoundLemma& l) {
    return check_bound_lemma(l, {.bisection_steps = 5});
  };
  const DiscretizeDesign d = discretize_design(params);
  std::vector<LemmaResult> results = exp_lemmas(float_params(d.wide()));
  for (LemmaResult& r : results) r.name += fmt::format("@p{}", d.p1);
  const DiscretizeBudget honest = discretize_budget(d);
  const DiscretizeBudget claimed = discretize_budget(d, params.mutant == "cancellation-ignored");
  results.push_back(check(abar_lemma(d, honest)));
  if (d.euler) {
    results.push_back(check(euler_gap_lemma(honest)));
  } else {
    results.push_back(check(series_lemma(d, honest)));
    results.push_back(check(quotient_lemma(d, honest, claimed.Q)));
    results.push_back(check(shift_lemma(honest, std::max(honest.S, honest.Q))));
    results.push_back(check(bbar_lemma(d, honest)));
  }
  results.push_back(measurement(d, honest));
  return results;
}

}  // namespace tc
