// The fast model of softplus and its measurement against MPFR (see softplus_measure.hpp).
#include "specs/softplus_measure.hpp"

#include <fmt/core.h>
#include <mpfr.h>

#include <cmath>
#include <memory>
#include <stdexcept>

#include "specs/exp_algorithm.hpp"
#include "specs/float_exact.hpp"
#include "specs/log_model.hpp"

namespace tc {

namespace {

constexpr int kPrecision = 160;

void set_dyadic(mpfr_t out, const mpq_class& v) {
  if (mpfr_set_q(out, v.get_mpq_t(), MPFR_RNDN) != 0)
    throw std::logic_error("softplus_measure: inexact");
}

mpq_class to_rational(const mpfr_t v) {
  mpq_class r;
  mpfr_get_q(r.get_mpq_t(), v);
  return r;
}

// Enclosures of e^-|x| and of softplus(x) = max(x, 0) + log1p(e^-|x|), with directed rounding
// (softplus is increasing in e^-|x|, so rounding every step the same way encloses it).
class SoftplusEnclosure {
 public:
  SoftplusEnclosure() {
    for (mpfr_ptr v : {a_, t_lo_, t_hi_, lo_, hi_, u_, v_}) mpfr_init2(v, kPrecision);
  }
  ~SoftplusEnclosure() {
    for (mpfr_ptr v : {a_, t_lo_, t_hi_, lo_, hi_, u_, v_}) mpfr_clear(v);
  }
  SoftplusEnclosure(const SoftplusEnclosure&) = delete;
  SoftplusEnclosure& operator=(const SoftplusEnclosure&) = delete;

  void set_input(const mpq_class& x) {
    set_dyadic(a_, -abs(x));
    mpfr_exp(t_lo_, a_, MPFR_RNDD);
    mpfr_exp(t_hi_, a_, MPFR_RNDU);
    mpfr_log1p(lo_, t_lo_, MPFR_RNDD);
    mpfr_log1p(hi_, t_hi_, MPFR_RNDU);
    if (x > 0) {
      set_dyadic(u_, x);
      mpfr_add(lo_, lo_, u_, MPFR_RNDD);
      mpfr_add(hi_, hi_, u_, MPFR_RNDU);
    }
  }
  // -1: below v, +1: above v, 2: cannot tell (never for the values compared here).
  int compare_t(const mpq_class& v) { return compare(t_lo_, t_hi_, v); }
  int compare_softplus(const mpq_class& v) { return compare(lo_, hi_, v); }
  // An upper bound of |r - softplus(x)| / softplus(x).
  mpq_class relative_error(const mpq_class& r) {
    set_dyadic(v_, r);
    mpfr_sub(u_, v_, lo_, MPFR_RNDU);
    mpfr_abs(u_, u_, MPFR_RNDU);
    mpfr_sub(v_, hi_, v_, MPFR_RNDU);
    mpfr_abs(v_, v_, MPFR_RNDU);
    mpfr_max(u_, u_, v_, MPFR_RNDU);
    mpfr_div(u_, u_, lo_, MPFR_RNDU);
    return to_rational(u_);
  }
  mpq_class value_approximation() const { return to_rational(lo_); }
  std::string value_text() const {
    char* s = nullptr;
    mpfr_asprintf(&s, "%.20Rg", lo_);
    std::string text(s);
    mpfr_free_str(s);
    return text;
  }

 private:
  int compare(mpfr_t lo, mpfr_t hi, const mpq_class& v) {
    set_dyadic(v_, v);
    if (mpfr_less_p(hi, v_)) return -1;
    if (mpfr_greater_p(lo, v_)) return 1;
    return 2;
  }
  mpfr_t a_, t_lo_, t_hi_, lo_, hi_, u_, v_;
};

void keep_worse(SoftplusWorstCase& worst, const mpq_class& error, FloatValue x, FloatValue z) {
  if (error > worst.error) worst = {error, x, z};
}

uint64_t splitmix(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

}  // namespace

SoftplusTrace softplus_model(FloatValue x, const SoftplusDesign& d) {
  const FloatFormat f = d.narrow(), f1 = d.wide();
  const int c = d.p1 - d.p;
  const FloatValue x1 = x.magnitude == 0 ? FloatValue{}
                                         : FloatValue{x.negative, x.magnitude << c, x.exponent - c};
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
  if (m.exhaustive) {
    for (const FloatValue& x : all_float_values(f)) measure(x);
    return m;
  }
  uint64_t state = seed;
  const int64_t e_lo = -2 * d.p - 3, e_hi = d.p1 + 2 - d.p;
  for (uint64_t i = 0; i < samples; ++i) {
    const uint64_t r = splitmix(state);
    const uint64_t mantissa = (uint64_t{1} << (d.p - 1)) | (r & ((uint64_t{1} << (d.p - 1)) - 1));
    const int64_t exponent = e_lo + static_cast<int64_t>((r >> 20) % (e_hi - e_lo));
    measure({static_cast<bool>((r >> 40) & 1), mantissa, exponent});
  }
  return m;
}

std::vector<std::string> softplus_reference(const Params& params,
                                            const std::vector<std::vector<bool>>& inputs) {
  const SoftplusDesign d = softplus_design(params.p);
  const FloatValue x = float_from_bits(inputs.at(0), d.narrow());
  const SoftplusTrace t = softplus_model(x, d);
  if (abs(value(x)) >= mpq_class(mpz_class(1) << (d.p1 + 2)))
    return {fmt::format("|x| >= 2^{}: softplus(x) = x + e^-x... for x > 0, below min_p for x < 0 "
                        "(not enclosed); algorithm z = {}",
                        d.p1 + 2, float_to_string(t.z))};
  SoftplusEnclosure enclosure;
  enclosure.set_input(value(x));
  const double error = enclosure.relative_error(value(t.z)).get_d();
  return {fmt::format("softplus(x) = {}..., round_p(softplus(x)) = {} (from a 160-bit enclosure); "
                      "algorithm z = {} (p1 = {}: y = {}, s = {}, d = {}, l = {}, w = {}), "
                      "relative error {}",
                      enclosure.value_text(),
                      float_to_string(round_to_float(enclosure.value_approximation(), d.narrow())),
                      float_to_string(t.z), d.p1, float_to_string(t.y), float_to_string(t.s),
                      float_to_string(t.d), float_to_string(t.l), float_to_string(t.w),
                      error == 0 ? std::string("0") : fmt::format("2^{:.2f}", std::log2(error)))};
}

}  // namespace tc
