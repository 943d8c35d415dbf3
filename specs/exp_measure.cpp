// Exhaustive error measurement of the exp algorithm against MPFR (see exp_measure.hpp).
#include "specs/exp_measure.hpp"

#include <fmt/core.h>
#include <mpfr.h>

#include <cmath>
#include <stdexcept>

#include "specs/float_exact.hpp"

namespace tc {

namespace {

constexpr int kPrecision = 160;

// An exact MPFR number for a dyadic rational (numerator and denominator fit easily).
void set_dyadic(mpfr_t out, const mpq_class& v) {
  if (mpfr_set_q(out, v.get_mpq_t(), MPFR_RNDN) != 0) throw std::logic_error("exp_measure: inexact");
}

mpq_class to_rational(const mpfr_t v) {
  mpq_class r;
  mpfr_get_q(r.get_mpq_t(), v);
  return r;
}

// The enclosure [lo, hi] of e^x and relative-error upper bounds against it.
class ExpEnclosure {
 public:
  ExpEnclosure() {
    for (mpfr_ptr v : {lo_, hi_, x_, y_, a_, b_}) mpfr_init2(v, kPrecision);
  }
  ~ExpEnclosure() {
    for (mpfr_ptr v : {lo_, hi_, x_, y_, a_, b_}) mpfr_clear(v);
  }
  ExpEnclosure(const ExpEnclosure&) = delete;
  ExpEnclosure& operator=(const ExpEnclosure&) = delete;

  void set_input(const mpq_class& x) {
    set_dyadic(x_, x);
    mpfr_exp(lo_, x_, MPFR_RNDD);
    mpfr_exp(hi_, x_, MPFR_RNDU);
  }
  // -1: e^x < v, +1: e^x > v, 0: cannot tell (never for the values compared here).
  int compare(const mpq_class& v) {
    set_dyadic(y_, v);
    if (mpfr_less_p(hi_, y_)) return -1;
    if (mpfr_greater_p(lo_, y_)) return 1;
    return mpfr_equal_p(lo_, hi_) && mpfr_equal_p(lo_, y_) ? 0 : 2;
  }
  // An upper bound of |y - e^x| / e^x.
  mpq_class relative_error(const mpq_class& y) {
    set_dyadic(y_, y);
    mpfr_sub(a_, y_, lo_, MPFR_RNDU);
    mpfr_abs(a_, a_, MPFR_RNDU);
    mpfr_sub(b_, hi_, y_, MPFR_RNDU);
    mpfr_abs(b_, b_, MPFR_RNDU);
    mpfr_max(a_, a_, b_, MPFR_RNDU);
    mpfr_div(a_, a_, lo_, MPFR_RNDU);
    return to_rational(a_);
  }
  std::string value_text() const {
    char* s = nullptr;
    mpfr_asprintf(&s, "%.20Rg", lo_);
    std::string text(s);
    mpfr_free_str(s);
    return text;
  }
  mpq_class value_approximation() const { return to_rational(lo_); }

 private:
  mpfr_t lo_, hi_, x_, y_, a_, b_;
};

mpq_class dyadic(const mpz_class& n, int64_t exponent) {
  mpq_class v(n);
  if (exponent >= 0) v *= mpq_class(mpz_class(1) << exponent);
  else v /= mpq_class(mpz_class(1) << -exponent);
  return v;
}

uint64_t splitmix(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

void keep_worse(ExpWorstCase& worst, const mpq_class& error, FloatValue x, FloatValue z) {
  if (error > worst.error) worst = {error, x, z};
}

}  // namespace

ExpMeasurement exp_measure(const ExpDesign& d, FloatFormat f, uint64_t samples, uint64_t seed) {
  ExpMeasurement m;
  m.exhaustive = samples == 0;
  const mpq_class lowest = value(float_min(f)), highest = value(float_max(f));
  const mpq_class paper = mpq_class(1) / mpq_class(mpz_class(1) << f.p);
  ExpEnclosure enclosure;
  auto measure = [&](FloatValue x) {
    enclosure.set_input(value(x));
    const int below = enclosure.compare(lowest), above = enclosure.compare(highest);
    if (below == 2 || above == 2) throw std::logic_error("exp_measure: e^x too close to min or max");
    if (below < 0 || above > 0) {
      ++m.outside;
      return;
    }
    ++m.measured;
    const ExpTrace t = exp_model(x, d, f);
    if (t.big) throw std::logic_error("exp_measure: |x| >= 2^p inside the domain");
    const mpq_class final_error = enclosure.relative_error(value(t.z));
    if (final_error > paper) ++m.above_2_minus_p;
    keep_worse(m.final_error, final_error, x, t.z);
    keep_worse(m.algorithm_error, enclosure.relative_error(dyadic(t.Y, t.k - d.q)), x, t.z);
  };
  if (m.exhaustive) {
    for (const FloatValue& x : all_float_values(f)) measure(x);
    return m;
  }
  uint64_t state = seed;
  const int64_t band = 2 - d.e_lo();  // exponents e_lo - 1 .. 0
  for (uint64_t i = 0; i < samples; ++i) {
    const uint64_t r = splitmix(state);
    const uint64_t mantissa = (uint64_t{1} << (f.p - 1)) | (r & ((uint64_t{1} << (f.p - 1)) - 1));
    const int64_t exponent = d.e_lo() - 1 + static_cast<int64_t>((r >> 20) % band);
    measure({static_cast<bool>((r >> 40) & 1), mantissa, exponent});
  }
  return m;
}

std::vector<std::string> exp_reference(const Params& params, const std::vector<std::vector<bool>>& inputs) {
  const FloatFormat f = float_format(params);
  const FloatValue x = float_from_bits(inputs.at(0), f);
  const ExpDesign d = exp_design(f.p);
  const ExpTrace t = exp_model(x, d, f);
  ExpEnclosure enclosure;
  enclosure.set_input(value(x));
  const double error = enclosure.relative_error(value(t.z)).get_d();
  return {fmt::format("e^x = {}..., round_p(e^x) = {} (from a 160-bit enclosure); algorithm z = {}, "
                      "relative error {}",
                      enclosure.value_text(),
                      float_to_string(round_to_float(enclosure.value_approximation(), f)),
                      float_to_string(t.z),
                      error == 0 ? std::string("0") : fmt::format("2^{:.2f}", std::log2(error)))};
}

}  // namespace tc
