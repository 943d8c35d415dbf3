// The fast model of silu and its measurement against MPFR (see silu_measure.hpp).
#include "specs/silu_measure.hpp"

#include <fmt/core.h>
#include <mpfr.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "lib/error_measure.hpp"
#include "lib/random_float.hpp"
#include "specs/exp_algorithm.hpp"
#include "specs/float_exact.hpp"
#include "specs/measured_inputs.hpp"

namespace tc {

namespace {

constexpr int kPrecision = 160;

// Enclosures of t = e^-x and of |silu(x)| = |x| / (1 + t), with directed rounding.
class SiluEnclosure {
 public:
  SiluEnclosure() {
    for (mpfr_ptr v : {x_, a_}) mpfr_init2(v, kPrecision);
  }
  ~SiluEnclosure() {
    for (mpfr_ptr v : {x_, a_}) mpfr_clear(v);
  }
  SiluEnclosure(const SiluEnclosure&) = delete;
  SiluEnclosure& operator=(const SiluEnclosure&) = delete;

  // Near x = 0, e^-x = 1 - x + ...: the precision must grow with -log2 |x| to tell |silu(x)|
  // ~ |x| / 2 from min_p (x = 2 min_p gives min_p (1 + min_p / 2 ...)).
  void set_input(const mpq_class& x, int extra_bits) {
    const mpfr_prec_t precision = kPrecision + std::max(0, extra_bits);
    if (precision != mpfr_get_prec(x_)) {
      for (mpfr_ptr v : {x_, a_}) mpfr_set_prec(v, precision);
      t_.set_precision(precision);
      silu_.set_precision(precision);
    }
    negative_ = x < 0;
    mpfr_set_exact(x_, -x);
    mpfr_exp(t_.lo(), x_, MPFR_RNDD);
    mpfr_exp(t_.hi(), x_, MPFR_RNDU);
    mpfr_abs(x_, x_, MPFR_RNDN);              // |x|, exact
    mpfr_add_ui(a_, t_.hi(), 1, MPFR_RNDU);   // 1 + t, from above
    mpfr_div(silu_.lo(), x_, a_, MPFR_RNDD);  // |silu| from below
    mpfr_add_ui(a_, t_.lo(), 1, MPFR_RNDD);
    mpfr_div(silu_.hi(), x_, a_, MPFR_RNDU);  // |silu| from above
  }
  int compare_t(const mpq_class& v) { return t_.compare(v); }
  int compare_silu(const mpq_class& v) { return silu_.compare(v); }
  // An upper bound of |y - silu(x)| / |silu(x)|.
  mpq_class relative_error(const mpq_class& y) {
    return silu_.relative_error(negative_ ? mpq_class(-y) : y);  // y in the direction of |silu|
  }
  mpq_class value_approximation() const {
    const mpq_class m = silu_.lower_rational();
    return negative_ ? mpq_class(-m) : m;
  }
  std::string value_text() const { return std::string(negative_ ? "-" : "") + silu_.lower_text(); }

 private:
  bool negative_ = false;
  mpfr_t x_, a_;
  Enclosure t_{kPrecision}, silu_{kPrecision};
};

}  // namespace

SiluTrace silu_model(FloatValue x, const SiluDesign& d) {
  const FloatFormat f = d.narrow(), f1 = d.wide();
  const int c = d.p1 - d.p;
  // Widening: exact, canonical zero kept.
  const FloatValue x1 =
      x.magnitude == 0 ? FloatValue{} : FloatValue{x.negative, x.magnitude << c, x.exponent - c};
  const FloatValue minus_x1 =
      x1.magnitude == 0 ? x1 : FloatValue{!x1.negative, x1.magnitude, x1.exponent};
  static thread_local int cached_p1 = -1;
  static thread_local ExpDesign design;
  if (cached_p1 != d.p1) {
    design = exp_design(d.p1);
    cached_p1 = d.p1;
  }
  SiluTrace t;
  t.y = exp_model(minus_x1, design, f1).z;
  t.s = exact_add({false, uint64_t{1} << (d.p1 - 1), 1 - d.p1}, t.y, f1);
  t.w = exact_div(x1, t.s, f1).z;
  t.z = round_to_float(value(t.w), f);
  return t;
}

SiluMeasurement silu_measure(const SiluDesign& d, uint64_t samples, uint64_t seed) {
  const FloatFormat f = d.narrow(), f1 = d.wide();
  SiluMeasurement m;
  m.exhaustive = samples == 0;
  const mpq_class min1 = value(float_min(f1)), max1 = value(float_max(f1)),
                  min = value(float_min(f));
  const mpq_class paper = mpq_class(1) / mpq_class(mpz_class(1) << d.p);
  SiluEnclosure enclosure;
  const FloatValue min_value = float_min(f);
  auto count_underflow = [&](FloatValue x, FloatValue z) {
    ++m.underflow;
    const bool is_min = z.magnitude == min_value.magnitude && z.exponent == min_value.exponent &&
                        z.negative == x.negative;
    if (!(z == FloatValue{}) && !is_min) ++m.underflow_wrong;
  };
  auto measure = [&](FloatValue x) {
    const SiluTrace t = silu_model(x, d);
    if (x.magnitude == 0) {
      if (!(t.z == FloatValue{})) ++m.zero_wrong;
      return;
    }
    const mpq_class xv = value(x);
    // Beyond |x| = 2^(p1 + 2), e^-x is far outside [min_p1, max_p1]: no MPFR needed (and its
    // exponent range would not hold e^|x|).
    const bool far = abs(xv) >= mpq_class(mpz_class(1) << (d.p1 + 2));
    if (far && !x.negative) {
      ++m.flushed;
      if (!(t.z == x)) ++m.flushed_inexact;
      return;
    }
    if (far) {
      count_underflow(x, t.z);
      return;
    }
    enclosure.set_input(xv, -static_cast<int>(x.exponent) - d.p);
    const int t_min = enclosure.compare_t(min1), t_max = enclosure.compare_t(max1);
    const int s_min = enclosure.compare_silu(min);
    if (t_min == 2 || t_max == 2 || s_min == 2)
      throw std::logic_error("silu_measure: e^-x or silu(x) too close to a range limit");
    if (t_min < 0) {
      ++m.flushed;
      if (!(t.z == x)) ++m.flushed_inexact;
      return;
    }
    if (t_max > 0 || s_min < 0) {
      count_underflow(x, t.z);
      return;
    }
    ++m.measured;
    const mpq_class error = enclosure.relative_error(value(t.z));
    if (error > paper) ++m.above_2_minus_p;
    keep_worse(m.final_error, error, x, t.z);
    keep_worse(m.before_narrowing, enclosure.relative_error(value(t.w)), x, t.z);
  };
  // Sampled exponents with |x| in [2^-(p + 3), 2^(p1 + 2)): where silu is neither flushed nor tiny.
  const int64_t e_lo = -2 * d.p - 3, e_hi = d.p1 + 2 - d.p;
  for_each_measured_float(f, m.exhaustive, samples, seed, e_lo, e_hi - e_lo, measure);
  return m;
}

std::vector<std::string> silu_reference(const Params& params,
                                        const std::vector<std::vector<bool>>& inputs) {
  const SiluDesign d = silu_design(params.p);
  const FloatValue x = float_from_bits(inputs.at(0), d.narrow());
  const SiluTrace t = silu_model(x, d);
  if (x.magnitude == 0) return {fmt::format("silu(0) = 0; algorithm z = {}", float_to_string(t.z))};
  if (abs(value(x)) >= mpq_class(mpz_class(1) << (d.p1 + 2)))
    return {
        fmt::format("|x| >= 2^{}: silu(x) = x (1 - e^-x ...) for x > 0, below min_p for x < 0 "
                    "(not enclosed); algorithm z = {}",
                    d.p1 + 2, float_to_string(t.z))};
  SiluEnclosure enclosure;
  enclosure.set_input(value(x), -static_cast<int>(x.exponent) - d.p);
  return {
      fmt::format("silu(x) = {}..., round_p(silu(x)) = {} (from a 160-bit enclosure); "
                  "algorithm z = {} (p1 = {}: y = {}, s = {}, w = {}), relative error {}",
                  enclosure.value_text(),
                  float_to_string(round_to_float(enclosure.value_approximation(), d.narrow())),
                  float_to_string(t.z), d.p1, float_to_string(t.y), float_to_string(t.s),
                  float_to_string(t.w), error_text(enclosure.relative_error(value(t.z))))};
}

}  // namespace tc
