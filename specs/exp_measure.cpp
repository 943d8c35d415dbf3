// Exhaustive error measurement of the exp algorithm against MPFR (see exp_measure.hpp).
#include "specs/exp_measure.hpp"

#include <fmt/core.h>
#include <mpfr.h>

#include <cmath>
#include <stdexcept>

#include "lib/dyadic.hpp"
#include "lib/error_measure.hpp"
#include "lib/random_float.hpp"
#include "specs/float_exact.hpp"
#include "specs/measured_inputs.hpp"

namespace tc {

namespace {

// The enclosure [lo, hi] of e^x.
class ExpEnclosure : public Enclosure {
 public:
  ExpEnclosure() { mpfr_init2(x_, 160); }
  ~ExpEnclosure() { mpfr_clear(x_); }

  void set_input(const mpq_class& x) {
    mpfr_set_exact(x_, x);
    mpfr_exp(lo(), x_, MPFR_RNDD);
    mpfr_exp(hi(), x_, MPFR_RNDU);
  }

 private:
  mpfr_t x_;
};

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
    if (below == 2 || above == 2)
      throw std::logic_error("exp_measure: e^x too close to min or max");
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
  const int64_t band = 2 - d.e_lo();  // sampled exponents e_lo - 1 .. 0
  for_each_measured_float(f, m.exhaustive, samples, seed, d.e_lo() - 1, band, measure);
  return m;
}

std::vector<std::string> exp_reference(const Params& params,
                                       const std::vector<std::vector<bool>>& inputs) {
  const FloatFormat f = float_format(params);
  const FloatValue x = float_from_bits(inputs.at(0), f);
  const ExpDesign d = exp_design(f.p);
  const ExpTrace t = exp_model(x, d, f);
  ExpEnclosure enclosure;
  enclosure.set_input(value(x));
  return {fmt::format(
      "e^x = {}..., round_p(e^x) = {} (from a 160-bit enclosure); algorithm z = {}, "
      "relative error {}",
      enclosure.lower_text(), float_to_string(round_to_float(enclosure.lower_rational(), f)),
      float_to_string(t.z), error_text(enclosure.relative_error(value(t.z))))};
}

}  // namespace tc
