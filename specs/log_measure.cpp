// MPFR measurement of the log algorithm (see log_measure.hpp).
#include "specs/log_measure.hpp"

#include <mpfr.h>

#include <vector>

#include "specs/log_model.hpp"

namespace tc {

namespace {

constexpr mpfr_prec_t kPrecision = 256;

// RAII for one MPFR number.
struct Real {
  mpfr_t v;
  Real() { mpfr_init2(v, kPrecision); }
  ~Real() { mpfr_clear(v); }
  Real(const Real&) = delete;
  Real& operator=(const Real&) = delete;
};

void set_float(Real& r, FloatValue x) {
  mpfr_set_ui_2exp(r.v, x.magnitude, x.exponent, MPFR_RNDN);  // exact: p <= 62 bits
  if (x.negative) mpfr_neg(r.v, r.v, MPFR_RNDN);
}

// |a - exact| / |exact| into out.
void relative_error(Real& out, const Real& a, const Real& exact) {
  mpfr_sub(out.v, a.v, exact.v, MPFR_RNDN);
  mpfr_div(out.v, out.v, exact.v, MPFR_RNDN);
  mpfr_abs(out.v, out.v, MPFR_RNDN);
}

}  // namespace

LogMeasurement log_measure(FloatFormat f, const LogDesign& design) {
  const int p = f.p, q = design.frac_bits;
  const LogModel model(f, design);
  LogMeasurement r;
  r.exhaustive = p <= 10;

  Real ln2, bound_end, bound_pre, unit;
  mpfr_const_log2(ln2.v, MPFR_RNDN);
  mpfr_set_q(bound_end.v, design.end_to_end_bound().get_mpq_t(), MPFR_RNDN);
  mpfr_set_q(bound_pre.v, design.pre_rounding_bound().get_mpq_t(), MPFR_RNDN);
  mpfr_set_ui_2exp(unit.v, 1, -p, MPFR_RNDN);
  const uint64_t m_lo = uint64_t{1} << (p - 1);
  std::vector<Real> ln_m(m_lo);
  for (uint64_t m = m_lo; m < 2 * m_lo; ++m) {
    mpfr_set_ui(ln_m[m - m_lo].v, m, MPFR_RNDN);
    mpfr_log(ln_m[m - m_lo].v, ln_m[m - m_lo].v, MPFR_RNDN);
  }

  std::vector<int64_t> exponents;
  for (int64_t e = f.emin(); e <= f.emax(); ++e) {
    const int64_t k = e + p - 1;  // k of case A; case B adds one
    if (r.exhaustive || (k >= -5 && k <= 4) || e <= f.emin() + 1 || e >= f.emax() - 1)
      exponents.push_back(e);
  }

  Real ln_x, approx, err;
  for (int64_t e : exponents)
    for (uint64_t m = m_lo; m < 2 * m_lo; ++m) {
      const FloatValue x{false, m, e};
      const LogModelResult res = model.evaluate(x);
      ++r.inputs;
      mpfr_mul_si(ln_x.v, ln2.v, e, MPFR_RNDN);
      mpfr_add(ln_x.v, ln_x.v, ln_m[m - m_lo].v, MPFR_RNDN);
      if (mpfr_zero_p(ln_x.v) || (m == m_lo && e == -(p - 1))) {  // x = 1
        r.one_exact = r.one_exact && res.l == 0 && res.z == FloatValue{};
        continue;
      }
      mpfr_set_z_2exp(approx.v, res.l.get_mpz_t(), -q, MPFR_RNDN);
      relative_error(err, approx, ln_x);
      const double pre = mpfr_get_d(err.v, MPFR_RNDU);
      if (mpfr_cmp(err.v, bound_pre.v) > 0) ++r.above_pre;
      if (pre > r.worst_pre) r.worst_pre = pre, r.worst_pre_x = x;

      set_float(approx, res.z);
      relative_error(err, approx, ln_x);
      const double rel = mpfr_get_d(err.v, MPFR_RNDU);
      if (mpfr_cmp(err.v, bound_end.v) > 0) ++r.above_end_to_end;
      if (mpfr_cmp(err.v, unit.v) > 0) {
        if (r.above_unit++ == 0 || rel > r.first_above_unit_error)
          r.first_above_unit = x, r.first_above_unit_error = rel;
      }
      if (rel > r.worst) {
        r.worst = rel;
        r.worst_x = x;
        r.worst_z = res.z;
        r.worst_ln = mpfr_get_d(ln_x.v, MPFR_RNDN);
      }
    }
  return r;
}

}  // namespace tc
