// Shared parts of error measurements against MPFR (see error_measure.hpp).
#include "lib/error_measure.hpp"

#include <fmt/core.h>

#include <cmath>
#include <stdexcept>

namespace tc {

void mpfr_set_exact(mpfr_t out, const mpq_class& v) {
  if (mpfr_set_q(out, v.get_mpq_t(), MPFR_RNDN) != 0)
    throw std::logic_error("error measurement: a dyadic value does not fit the MPFR precision");
}

mpq_class mpfr_to_rational(const mpfr_t v) {
  mpq_class r;
  mpfr_get_q(r.get_mpq_t(), v);
  return r;
}

Enclosure::Enclosure(mpfr_prec_t precision) {
  for (mpfr_ptr v : {lo_, hi_, a_, b_}) mpfr_init2(v, precision);
}

Enclosure::~Enclosure() {
  for (mpfr_ptr v : {lo_, hi_, a_, b_}) mpfr_clear(v);
}

void Enclosure::set_precision(mpfr_prec_t precision) {
  for (mpfr_ptr v : {lo_, hi_, a_, b_}) mpfr_set_prec(v, precision);
}

int Enclosure::compare(const mpq_class& v) {
  mpfr_set_exact(a_, v);
  if (mpfr_less_p(hi_, a_)) return -1;
  if (mpfr_greater_p(lo_, a_)) return 1;
  return mpfr_equal_p(lo_, hi_) && mpfr_equal_p(lo_, a_) ? 0 : 2;
}

mpq_class Enclosure::relative_error(const mpq_class& y) {
  mpfr_set_exact(b_, y);
  mpfr_sub(a_, b_, lo_, MPFR_RNDU);
  mpfr_abs(a_, a_, MPFR_RNDU);
  mpfr_sub(b_, hi_, b_, MPFR_RNDU);
  mpfr_abs(b_, b_, MPFR_RNDU);
  mpfr_max(a_, a_, b_, MPFR_RNDU);
  mpfr_div(a_, a_, lo_, MPFR_RNDU);
  return mpfr_to_rational(a_);
}

std::string Enclosure::lower_text() const {
  char* s = nullptr;
  mpfr_asprintf(&s, "%.20Rg", lo_);
  std::string text(s);
  mpfr_free_str(s);
  return text;
}

std::string error_text(const mpq_class& error) {
  return error == 0 ? std::string("0") : fmt::format("2^{:.2f}", std::log2(error.get_d()));
}

}  // namespace tc
