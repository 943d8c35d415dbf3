// The Z3 lemmas of scan, their composition over L in exact rationals, and the sampled
// measurement (see scan_lemmas.hpp).
#include "specs/scan_lemmas.hpp"

#include <fmt/core.h>

#include <chrono>
#include <random>

#include "lib/dyadic.hpp"
#include "lib/float_word.hpp"
#include "lib/smt/bound_lemma.hpp"
#include "specs/float_exact.hpp"
#include "specs/scan_reference.hpp"

namespace tc {

namespace {

constexpr const char* kRoundingNote =
    "each block's rounding is exact (1 + d), |d| <= u = 2^-p, which holds on the domain where no "
    "block's exact result overflows max_p or lies nonzero below min_p";

BoundLemma base_lemma(const ScanBudget& b) {
  BoundLemma l;
  l.name = "scan.recurrent.base";
  l.claimed = b.e[0];
  l.statement = fmt::format(
      "h_0 = round(w), w = Bbar_0 x_0, H_0 = w, M_0 = |w|: |h_0 - H_0| <= "
      "e_0 M_0, e_0 = {}",
      format_bound(b.e[0]));
  const mpq_class u = b.u;
  l.hypotheses = [u](z3::context& ctx) {
    const z3::expr w = ctx.real_const("w"), h = ctx.real_const("h");
    return z3_abs(h - w) <= z3_rational(ctx, u) * z3_abs(w);
  };
  l.claim = [](z3::context& ctx, const z3::expr& bound) {
    const z3::expr w = ctx.real_const("w"), h = ctx.real_const("h");
    return z3_abs(h - w) <= bound * z3_abs(w);
  };
  l.note = kRoundingNote;
  return l;
}

// One recurrent step: from e_(t-1) to e_t.
BoundLemma step_lemma(const ScanBudget& b, int t) {
  BoundLemma l;
  l.name = fmt::format("scan.recurrent.step-{}", t);
  l.claimed = b.e[t];
  l.statement = fmt::format(
      "|h - H| <= e_{0} M (e_{0} = {1}), |H| <= M, p = a h (1 + d1), q = w (1 + d2), "
      "r = (p + q)(1 + d3), |d_i| <= u: |r - (a H + w)| <= e_{2} (|a| M + |w|), e_{2} = {3}",
      t - 1, format_bound(b.e[t - 1]), t, format_bound(b.e[t]));
  const mpq_class u = b.u, e = b.e[t - 1];
  l.hypotheses = [u, e](z3::context& ctx) {
    const z3::expr a = ctx.real_const("a"), h = ctx.real_const("h"), H = ctx.real_const("H"),
                   M = ctx.real_const("M"), w = ctx.real_const("w"), p = ctx.real_const("p"),
                   q = ctx.real_const("q"), r = ctx.real_const("r");
    const z3::expr uu = z3_rational(ctx, u);
    return M >= 0 && z3_abs(H) <= M && z3_abs(h - H) <= z3_rational(ctx, e) * M &&
           z3_abs(p - a * h) <= uu * z3_abs(a * h) && z3_abs(q - w) <= uu * z3_abs(w) &&
           z3_abs(r - (p + q)) <= uu * z3_abs(p + q);
  };
  l.claim = [](z3::context& ctx, const z3::expr& bound) {
    const z3::expr a = ctx.real_const("a"), H = ctx.real_const("H"), M = ctx.real_const("M"),
                   w = ctx.real_const("w"), r = ctx.real_const("r");
    return z3_abs(r - (a * H + w)) <= bound * (z3_abs(a) * M + z3_abs(w));
  };
  l.note = std::string(
               "a = Abar_t, w = Bbar_t x_t (exact), H = H_(t-1), M = M_(t-1); the new "
               "scale is M_t = |a| M + |w|; ") +
           kRoundingNote;
  return l;
}

BoundLemma accumulate_lemma(const ScanBudget& b) {
  BoundLemma l;
  l.name = "scan.closed.accumulate";
  l.claimed = b.u;
  l.statement =
      "|s - E| <= u A, |T - e| <= u |e| (a term rounded once): |(s + T) - (E + e)| <= "
      "u (A + |e|); by induction over i <= t the exact sum of the rounded terms is "
      "within u M_t of H_t (A = the sum of the terms' magnitudes = M_t)";
  const mpq_class u = b.u;
  l.hypotheses = [u](z3::context& ctx) {
    const z3::expr s = ctx.real_const("s"), E = ctx.real_const("E"), A = ctx.real_const("A"),
                   T = ctx.real_const("T"), e = ctx.real_const("e");
    const z3::expr uu = z3_rational(ctx, u);
    return A >= 0 && z3_abs(s - E) <= uu * A && z3_abs(T - e) <= uu * z3_abs(e);
  };
  l.claim = [](z3::context& ctx, const z3::expr& bound) {
    const z3::expr s = ctx.real_const("s"), E = ctx.real_const("E"), A = ctx.real_const("A"),
                   T = ctx.real_const("T"), e = ctx.real_const("e");
    return z3_abs((s + T) - (E + e)) <= bound * (A + z3_abs(e));
  };
  l.note = std::string("base: the empty sum, error 0; ") + kRoundingNote;
  return l;
}

BoundLemma closed_round_lemma(const ScanBudget& b) {
  BoundLemma l;
  l.name = "scan.closed.round";
  l.claimed = b.g;
  l.statement = fmt::format(
      "|S - H| <= u M, |H| <= M, h = round(S) (fsum): |h - H| <= g M, "
      "g = (1 + u)^2 - 1 = {}, at every t (independent of L)",
      format_bound(b.g));
  const mpq_class u = b.u;
  l.hypotheses = [u](z3::context& ctx) {
    const z3::expr S = ctx.real_const("S"), H = ctx.real_const("H"), M = ctx.real_const("M"),
                   h = ctx.real_const("h");
    const z3::expr uu = z3_rational(ctx, u);
    return z3_abs(H) <= M && z3_abs(S - H) <= uu * M && z3_abs(h - S) <= uu * z3_abs(S);
  };
  l.claim = [](z3::context& ctx, const z3::expr& bound) {
    const z3::expr H = ctx.real_const("H"), M = ctx.real_const("M"), h = ctx.real_const("h");
    return z3_abs(h - H) <= bound * M;
  };
  l.note = kRoundingNote;
  return l;
}

BoundLemma output_lemma(const ScanBudget& b, const std::string& form, const mpq_class& e,
                        const mpq_class& claimed) {
  BoundLemma l;
  l.name = "scan.output." + form;
  l.claimed = claimed;
  l.statement = fmt::format(
      "{}: |D - Y| <= e S (e = {}), |Y| <= S, y = round(D) (the dot block): |y - Y| <= "
      "((1 + u) e + u) S = {} S",
      form, format_bound(e), format_bound(claimed));
  const mpq_class u = b.u;
  l.hypotheses = [u, e](z3::context& ctx) {
    const z3::expr D = ctx.real_const("D"), Y = ctx.real_const("Y"), S = ctx.real_const("S"),
                   y = ctx.real_const("y");
    return z3_abs(Y) <= S && z3_abs(D - Y) <= z3_rational(ctx, e) * S &&
           z3_abs(y - D) <= z3_rational(ctx, u) * z3_abs(D);
  };
  l.claim = [](z3::context& ctx, const z3::expr& bound) {
    const z3::expr Y = ctx.real_const("Y"), S = ctx.real_const("S"), y = ctx.real_const("y");
    return z3_abs(y - Y) <= bound * S;
  };
  l.note =
      "D = sum_n C_n h_n exactly, Y = sum_n C_n H_n; |D - Y| <= sum_n |C_n| e M_n = e S by "
      "the triangle inequality (not a Z3 step); " +
      std::string(kRoundingNote);
  return l;
}

BoundLemma difference_lemma(const ScanBudget& b) {
  BoundLemma l;
  l.name = "scan.forms.difference";
  l.claimed = b.difference;
  l.statement = fmt::format(
      "|y_c - Y| <= {} S, |y_r - Y| <= {} S: |y_c - y_r| <= {} S (closed form against the rounded "
      "recurrence, at t = L - 1)",
      format_bound(b.y_closed), format_bound(b.y_recurrent), format_bound(b.difference));
  const mpq_class bc = b.y_closed, br = b.y_recurrent;
  l.hypotheses = [bc, br](z3::context& ctx) {
    const z3::expr yc = ctx.real_const("yc"), yr = ctx.real_const("yr"), Y = ctx.real_const("Y"),
                   S = ctx.real_const("S");
    return z3_abs(yc - Y) <= z3_rational(ctx, bc) * S && z3_abs(yr - Y) <= z3_rational(ctx, br) * S;
  };
  l.claim = [](z3::context& ctx, const z3::expr& bound) {
    const z3::expr yc = ctx.real_const("yc"), yr = ctx.real_const("yr"), S = ctx.real_const("S");
    return z3_abs(yc - yr) <= bound * S;
  };
  l.note = "scan.output.closed and scan.output.recurrent, same Y and S";
  return l;
}

// Sampled inputs on the no-overflow domain: Abar in [1/2, 1] (a decay, as exp(Delta a) with
// a <= 0), Bbar, C, x of either sign in [1/2, 2); samples where a block leaves the range are
// skipped (counted).
LemmaResult measurement(int p, int L, int N, const ScanBudget& b) {
  const auto start = std::chrono::steady_clock::now();
  const FloatFormat f{p, p + 1};
  std::mt19937_64 rng(20261206u + 97 * p + 13 * L + N);
  const auto draw = [&](bool decay) {
    FloatValue v;
    v.magnitude = (uint64_t{1} << (p - 1)) + rng() % (uint64_t{1} << (p - 1));
    v.exponent = -p + static_cast<int64_t>(rng() % 2);
    v.negative = !decay && rng() % 2;
    if (decay && v.exponent > -p) v = {false, uint64_t{1} << (p - 1), 1 - p};  // exactly 1
    return v;
  };
  constexpr int kSamples = 1 << 12;
  mpq_class worst_c = 0, worst_r = 0, worst_d = 0, worst_h = 0;
  int used = 0, skipped = 0, forms_differ = 0;
  for (int s = 0; s < kSamples; ++s) {
    ScanInputs in;
    for (auto* grid : {&in.A, &in.B, &in.C}) {
      grid->assign(L, std::vector<FloatValue>(N));
      for (auto& row : *grid)
        for (FloatValue& v : row) v = draw(grid == &in.A);
    }
    for (int t = 0; t < L; ++t) in.x.push_back(draw(false));
    const ScanTrace c = scan_closed_model(in, f), r = scan_recurrent_model(in, f);
    if (c.out_of_range || r.out_of_range) {
      ++skipped;
      continue;
    }
    ++used;
    const ScanExact ex = scan_exact(in);
    const mpq_class& S = ex.S[L - 1];
    const mpq_class yc = value(c.y[L - 1]), yr = value(r.y[L - 1]);
    if (yc != yr) ++forms_differ;
    if (S == 0) continue;
    worst_c = std::max(worst_c, mpq_class(abs(yc - ex.y[L - 1]) / S));
    worst_r = std::max(worst_r, mpq_class(abs(yr - ex.y[L - 1]) / S));
    worst_d = std::max(worst_d, mpq_class(abs(yc - yr) / S));
    for (int n = 0; n < N; ++n)
      if (ex.M[L - 1][n] != 0)
        worst_h = std::max(worst_h,
                           mpq_class(abs(value(r.h[L - 1][n]) - ex.h[L - 1][n]) / ex.M[L - 1][n]));
  }
  LemmaResult res;
  res.name = "scan.measured";
  res.kind = LemmaKind::Measurement;
  res.claimed_bound = format_bound(b.y_recurrent);
  res.tightest_bound = format_bound(worst_r);
  res.statement = fmt::format(
      "{} sampled inputs (p = {}, L = {}, N = {}; {} skipped: a block left the range), at "
      "t = L - 1, relative to S: closed form worst {} <= {}; recurrent worst {} <= {} (state: "
      "{} <= e_(L-1) = {}); |closed - recurrent| worst {} <= {}; the forms differ at {} inputs",
      used, p, L, N, skipped, format_bound(worst_c), format_bound(b.y_closed),
      format_bound(worst_r), format_bound(b.y_recurrent), format_bound(worst_h),
      format_bound(b.e[L - 1]), format_bound(worst_d), format_bound(b.difference), forms_differ);
  const bool ok = worst_c <= b.y_closed && worst_r <= b.y_recurrent && worst_d <= b.difference &&
                  worst_h <= b.e[L - 1] && used > 0;
  res.verdict = ok ? LemmaVerdict::Proved : LemmaVerdict::Refuted;
  res.note =
      "exact GMP models of both forms (specs/scan_reference.hpp; tests check them against "
      "the spec circuits); Abar in [1/2, 1], Bbar, C, x in +-[1/2, 2)";
  res.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return res;
}

}  // namespace

ScanBudget scan_budget(int p, int L, bool growth_dropped) {
  ScanBudget b;
  b.u = power_of_two(-p);
  const mpq_class step = (1 + b.u) * (1 + b.u);
  b.g = step - 1;
  b.e.push_back(b.u);
  for (int t = 1; t < L; ++t) b.e.push_back((growth_dropped ? 1 : step) * b.e.back() + b.g);
  b.y_closed = (1 + b.u) * b.g + b.u;
  b.y_recurrent = (1 + b.u) * b.e.back() + b.u;
  b.difference = b.y_closed + b.y_recurrent;
  return b;
}

int scan_extra_bits_recurrent(int p, int L) {
  int c = 0;
  while (scan_budget(p + c, L).y_recurrent > power_of_two(-p)) ++c;
  return c;
}

int scan_extra_bits_closed(int p, int L) {
  int c = 0;
  while (scan_budget(p + c, L).y_closed > power_of_two(-p)) ++c;
  return c;
}

std::vector<LemmaResult> scan_lemmas(const Params& params) {
  const int p = params.p, L = params.L, N = params.N;
  const auto check = [](const BoundLemma& l) {
    return check_bound_lemma(l, {.bisection_steps = 5});
  };
  const ScanBudget b = scan_budget(p, L, params.mutant == "step-growth-dropped");
  std::vector<LemmaResult> results;
  results.push_back(check(base_lemma(b)));
  bool chain = results.back().verdict == LemmaVerdict::Proved;
  double seconds = results.back().seconds;
  for (int t = 1; t < L; ++t) {
    results.push_back(check(step_lemma(b, t)));
    chain = chain && results.back().verdict == LemmaVerdict::Proved;
    seconds += results.back().seconds;
  }
  const int c_rec = scan_extra_bits_recurrent(p, L), c_closed = scan_extra_bits_closed(p, L);
  results.push_back(LemmaResult{
      .name = "scan.recurrent.composed",
      .kind = LemmaKind::Z3,
      .statement = fmt::format(
          "rounded recurrence, L = {}: |h_(L-1) - H_(L-1)| <= e_{} M = {} M ((1 + u)^{} - 1, "
          "~ {} u: linear in L); at the output {} S; {} extra working bits keep it at 2^-p "
          "(p + {} bits give {} <= 2^-{}); the closed form needs {} at every L",
          L, L - 1, format_bound(b.e[L - 1]), 2 * L - 1, 2 * L - 1, format_bound(b.y_recurrent),
          c_rec, c_rec, format_bound(scan_budget(p + c_rec, L).y_recurrent), p, c_closed),
      .verdict = chain ? LemmaVerdict::Proved : LemmaVerdict::Unknown,
      .seconds = seconds,
      .claimed_bound = format_bound(b.e[L - 1]),
      .note = fmt::format("by induction: scan.recurrent.base and scan.recurrent.step-1..{}{}",
                          L - 1, chain ? "" : "; a step was not proved, so neither is this")});
  results.push_back(check(accumulate_lemma(b)));
  results.push_back(check(closed_round_lemma(b)));
  results.push_back(check(output_lemma(b, "closed", b.g, b.y_closed)));
  results.push_back(check(output_lemma(b, "recurrent", b.e[L - 1], b.y_recurrent)));
  results.push_back(check(difference_lemma(b)));
  results.push_back(measurement(p, L, N, b));
  return results;
}

}  // namespace tc
