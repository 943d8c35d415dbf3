// Measurement of delta's composed error (see selection_measure.hpp).
#include "specs/selection_measure.hpp"

#include <fmt/core.h>
#include <mpfr.h>

#include <chrono>
#include <cmath>
#include <stdexcept>

#include "lib/error_measure.hpp"
#include "lib/random_float.hpp"
#include "specs/float_exact.hpp"
#include "specs/softplus.hpp"
#include "specs/softplus_lemmas.hpp"
#include "specs/softplus_measure.hpp"

namespace tc {

namespace {

constexpr int kPrecision = 160;

// mpfr_t values of one measurement, freed on scope exit.
struct Scratch {
  mpfr_t v, t_lo, t_hi, lo, hi, e, f;
  Scratch() {
    for (mpfr_ptr x : {v, t_lo, t_hi, lo, hi, e, f}) mpfr_init2(x, kPrecision);
  }
  ~Scratch() {
    for (mpfr_ptr x : {v, t_lo, t_hi, lo, hi, e, f}) mpfr_clear(x);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
};

// [lo, hi] around softplus(v) = max(v, 0) + log1p(e^-|v|) (increasing in e^-|v|).
void enclose_softplus(Scratch& s, const mpq_class& v) {
  mpfr_set_exact(s.v, -abs(v));
  mpfr_exp(s.t_lo, s.v, MPFR_RNDD);
  mpfr_exp(s.t_hi, s.v, MPFR_RNDU);
  mpfr_log1p(s.lo, s.t_lo, MPFR_RNDD);
  mpfr_log1p(s.hi, s.t_hi, MPFR_RNDU);
  if (v > 0) {
    mpfr_set_exact(s.v, v);
    mpfr_add(s.lo, s.lo, s.v, MPFR_RNDD);
    mpfr_add(s.hi, s.hi, s.v, MPFR_RNDU);
  }
}

}  // namespace

SelectionMeasurement selection_measure(int p, uint64_t samples, uint64_t seed) {
  const SoftplusDesign d = softplus_design(p);
  const FloatFormat f = d.narrow(), f1 = d.wide();
  SelectionMeasurement m;
  m.exhaustive = samples == 0;
  m.S = softplus_budget(d).total;
  const mpq_class min_p = value(float_min(f)), max_p = value(float_max(f));
  const mpq_class min_p1 = value(float_min(f1)), two_p = mpq_class(1, 1) / (mpz_class(1) << p);
  Scratch s;
  auto measure = [&](FloatValue x, FloatValue b) {
    const mpq_class exact = value(x) + value(b);
    const FloatValue v = round_to_float(exact, f);
    if (abs(exact) > max_p) return void(++m.skipped);  // the affine sum saturates
    // softplus's domain D_p for v: e^-|v| >= min_p1, min_p <= softplus(v) <= max_p; and
    // softplus(v*) >= min_p.
    mpfr_set_exact(s.v, -abs(value(v)));
    mpfr_exp(s.e, s.v, MPFR_RNDD);
    if (mpfr_to_rational(s.e) < min_p1) return void(++m.skipped);
    enclose_softplus(s, value(v));
    if (mpfr_to_rational(s.lo) < min_p || mpfr_to_rational(s.hi) > max_p) return void(++m.skipped);
    enclose_softplus(s, exact);
    const mpq_class lo = mpfr_to_rational(s.lo), hi = mpfr_to_rational(s.hi);
    if (lo < min_p) return void(++m.skipped);
    ++m.measured;
    const mpq_class delta = value(softplus_model(v, d).z);
    const mpq_class error = std::max(abs(delta - lo), abs(hi - delta)) / lo;
    // (1 + S) e^a - 1, rounded down.
    mpfr_set_exact(s.v, abs(value(v) - exact));
    mpfr_exp(s.e, s.v, MPFR_RNDD);
    const mpq_class one_plus_s = 1 + m.S;  // not dyadic: rounded down, as the whole bound
    mpfr_set_q(s.f, one_plus_s.get_mpq_t(), MPFR_RNDD);
    mpfr_mul(s.e, s.e, s.f, MPFR_RNDD);
    mpfr_sub_ui(s.e, s.e, 1, MPFR_RNDD);
    if (error > mpfr_to_rational(s.e)) ++m.over_bound;
    if (error > two_p) ++m.above_2_minus_p;
    if (error > m.worst) m.worst = error, m.worst_x = x, m.worst_b = b;
  };
  if (m.exhaustive) {
    const std::vector<FloatValue> values = all_float_values(f);
    for (FloatValue x : values)
      for (FloatValue b : values) measure(x, b);
  } else {
    FloatSampler sampler(f, seed);
    for (uint64_t i = 0; i < samples; ++i) measure(sampler.any(), sampler.any());
  }
  return m;
}

std::vector<LemmaResult> selection_lemmas(const Params& params) {
  const auto start = std::chrono::steady_clock::now();
  // Above p = 4 a sample: 2^(4p+4) pairs, and softplus_model costs about 17 ms per point at
  // p = 5 (against 0.04 ms at p = 4; not investigated), so 256 pairs there take about 4 s.
  const bool exhaustive = params.p <= 4;
  const SelectionMeasurement m = selection_measure(params.p, exhaustive ? 0 : 256);
  LemmaResult r;
  r.name = "selection.delta-composition";
  r.kind = LemmaKind::Measurement;
  r.claimed_bound = "(1 + S) e^a - 1 per input, S = " + error_text(m.S) + ", a = |v - v*|";
  r.tightest_bound = error_text(m.worst);
  r.statement = fmt::format(
      "{} {} pairs (x, b), v* = x + b (W_delta = 1): |softplus_p(round_p(v*)) - softplus(v*)| / "
      "softplus(v*) within (1 + S) e^|v - v*| - 1 on all but {}; worst {}; the paper's 2^-{} {} "
      "({} pairs above it); {} pairs outside softplus's domain skipped",
      m.exhaustive ? "every one of the" : "a sample of", m.measured, m.over_bound,
      error_text(m.worst), params.p, m.above_2_minus_p == 0 ? "holds" : "fails", m.above_2_minus_p,
      m.skipped);
  r.witness = fmt::format("worst at x = {}, b = {}", float_to_string(m.worst_x),
                          float_to_string(m.worst_b));
  r.verdict = m.over_bound == 0 ? LemmaVerdict::Proved : LemmaVerdict::Refuted;
  r.note =
      "softplus enclosed by MPFR at 160 bits with directed rounding; delta from "
      "softplus_model (the algorithm the circuits compute, checked against the spec); the "
      "bound uses |d/dv ln softplus(v)| <= 1 (t / (1 + t) <= ln(1 + t))";
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return {r};
}

}  // namespace tc
