// The fast model of softplus and its measurement against MPFR (see softplus_measure.hpp).
#include "specs/softplus_measure.hpp"

#include <fmt/core.h>
#include <mpfr.h>

#include <cmath>
#include <memory>
#include <stdexcept>

#include "lib/error_measure.hpp"
#include "lib/random_float.hpp"
#include "specs/exp_algorithm.hpp"
#include "specs/float_exact.hpp"
#include "specs/log_model.hpp"
#include "specs/measured_inputs.hpp"

namespace tc {

namespace {

// Enclosures of e^-|x| and of softplus(x) = max(x, 0) + log1p(e^-|x|), with directed rounding
// (softplus is increasing in e^-|x|, so rounding every step the same way encloses it).
class SoftplusEnclosure {
 public:
  SoftplusEnclosure() {
    for (mpfr_ptr v : {a_, u_}) mpfr_init2(v, 160);
  }
  ~SoftplusEnclosure() {
    for (mpfr_ptr v : {a_, u_}) mpfr_clear(v);
  }
  SoftplusEnclosure(const SoftplusEnclosure&) = delete;
  SoftplusEnclosure& operator=(const SoftplusEnclosure&) = delete;

  void set_input(const mpq_class& x) {
    mpfr_set_exact(a_, -abs(x));
    mpfr_exp(t_.lo(), a_, MPFR_RNDD);
    mpfr_exp(t_.hi(), a_, MPFR_RNDU);
    mpfr_log1p(softplus_.lo(), t_.lo(), MPFR_RNDD);
    mpfr_log1p(softplus_.hi(), t_.hi(), MPFR_RNDU);
    if (x > 0) {
      mpfr_set_exact(u_, x);
      mpfr_add(softplus_.lo(), softplus_.lo(), u_, MPFR_RNDD);
      mpfr_add(softplus_.hi(), softplus_.hi(), u_, MPFR_RNDU);
    }
  }
  int compare_t(const mpq_class& v) { return t_.compare(v); }
  int compare_softplus(const mpq_class& v) { return softplus_.compare(v); }
  // An upper bound of |r - softplus(x)| / softplus(x).
  mpq_class relative_error(const mpq_class& r) { return softplus_.relative_error(r); }
  mpq_class value_approximation() const { return softplus_.lower_rational(); }
  std::string value_text() const { return softplus_.lower_text(); }

 private:
  mpfr_t a_, u_;
  Enclosure t_, softplus_;
};

}  // namespace

SoftplusTrace softplus_model(FloatValue x, const SoftplusDesign& d) {
  const FloatFormat f = d.narrow(), f1 = d.wide();
  const int c = d.p1 - d.p;
  const FloatValue x1 =
      x.magnitude == 0 ? FloatValue{} : FloatValue{x.negative, x.magnitude << c, x.exponent - c};
  const FloatValue a = x1.magnitude == 0 ? x1 : FloatValue{true, x1.magnitude, x1.exponent};
  // The designs tabulate per p1; cache them across calls.
  static thread_local int cached_p1 = -1;
  static thread_local ExpDesign exp_d;
  static thread_local std::unique_ptr<LogModel> log_model;
  if (cached_p1 != d.p1) {
    exp_d = exp_design(d.p1);
    log_model = std::make_unique<LogModel>(f1);
    cached_p1 = d.p1;
  }
  const FloatValue one{false, uint64_t{1} << (d.p1 - 1), 1 - d.p1};
  const FloatValue minus_one{true, one.magnitude, one.exponent};
  SoftplusTrace t;
  t.y = exp_model(a, exp_d, f1).z;
  t.s = exact_add(one, t.y, f1);
  t.d = exact_add(t.s, minus_one, f1);
  if (t.d.magnitude == 0) {
    t.l = t.y;
  } else {
    t.ln_s = log_model->evaluate(t.s).z;
    t.ratio = exact_div(t.y, t.d, f1).z;
    t.l = exact_mul(t.ln_s, t.ratio, f1);
  }
  t.w = x.negative ? t.l : exact_add(x1, t.l, f1);
  t.z = round_to_float(value(t.w), f);
  return t;
}

SoftplusMeasurement softplus_measure(const SoftplusDesign& d, uint64_t samples, uint64_t seed) {
  const FloatFormat f = d.narrow(), f1 = d.wide();
  SoftplusMeasurement m;
  m.exhaustive = samples == 0;
  const mpq_class min1 = value(float_min(f1)), min = value(float_min(f)), max = value(float_max(f));
  const mpq_class paper = mpq_class(1) / mpq_class(mpz_class(1) << d.p);
  SoftplusEnclosure enclosure;
  auto measure = [&](FloatValue x) {
    const SoftplusTrace t = softplus_model(x, d);
    if (value(t.d) != value(t.s) - 1) ++m.sterbenz_inexact;
    const mpq_class xv = value(x);
    // Beyond |x| = 2^(p1 + 2), e^-|x| is far below min_p1: no MPFR needed.
    if (abs(xv) >= mpq_class(mpz_class(1) << (d.p1 + 2))) {
      if (x.negative) {
        ++m.underflow;
      } else {
        ++m.flushed;
        if (!(t.z == x)) ++m.flushed_inexact;
      }
      return;
    }
    enclosure.set_input(xv);
    const int t_min = enclosure.compare_t(min1);
    const int s_min = enclosure.compare_softplus(min), s_max = enclosure.compare_softplus(max);
    if (t_min == 2 || s_min == 2 || s_max == 2)
      throw std::logic_error("softplus_measure: a value too close to a range limit");
    if (t_min < 0 && !x.negative) {
      ++m.flushed;
      if (!(t.z == x)) ++m.flushed_inexact;
      return;
    }
    if (t_min < 0 || s_min < 0 || s_max > 0) {
      ++m.underflow;
      return;
    }
    ++m.measured;
    const mpq_class error = enclosure.relative_error(value(t.z));
    if (error > paper) ++m.above_2_minus_p;
    keep_worse(m.final_error, error, x, t.z);
    if (x.negative) keep_worse(m.negative_side, error, x, t.z);
    keep_worse(m.before_narrowing, enclosure.relative_error(value(t.w)), x, t.z);
  };
  const int64_t e_lo = -2 * d.p - 3, e_hi = d.p1 + 2 - d.p;
  for_each_measured_float(f, m.exhaustive, samples, seed, e_lo, e_hi - e_lo, measure);
  return m;
}

std::vector<std::string> softplus_reference(const Params& params,
                                            const std::vector<std::vector<bool>>& inputs) {
  const SoftplusDesign d = softplus_design(params.p);
  const FloatValue x = float_from_bits(inputs.at(0), d.narrow());
  const SoftplusTrace t = softplus_model(x, d);
  if (abs(value(x)) >= mpq_class(mpz_class(1) << (d.p1 + 2)))
    return {
        fmt::format("|x| >= 2^{}: softplus(x) = x + e^-x... for x > 0, below min_p for x < 0 "
                    "(not enclosed); algorithm z = {}",
                    d.p1 + 2, float_to_string(t.z))};
  SoftplusEnclosure enclosure;
  enclosure.set_input(value(x));
  return {
      fmt::format("softplus(x) = {}..., round_p(softplus(x)) = {} (from a 160-bit enclosure); "
                  "algorithm z = {} (p1 = {}: y = {}, s = {}, d = {}, l = {}, w = {}), "
                  "relative error {}",
                  enclosure.value_text(),
                  float_to_string(round_to_float(enclosure.value_approximation(), d.narrow())),
                  float_to_string(t.z), d.p1, float_to_string(t.y), float_to_string(t.s),
                  float_to_string(t.d), float_to_string(t.l), float_to_string(t.w),
                  error_text(enclosure.relative_error(value(t.z))))};
}

}  // namespace tc
