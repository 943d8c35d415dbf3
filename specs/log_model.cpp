// The fast log model (see log_model.hpp).
#include "specs/log_model.hpp"

#include "lib/dyadic.hpp"
#include "specs/float_exact.hpp"

namespace tc {

namespace {

bool case_b(uint64_t m, int p) { return 4 * m >= 3 * (uint64_t{1} << p); }  // m >= 3 2^(p-2)

}  // namespace

LogModel::LogModel(FloatFormat f) : LogModel(f, log_design(f.p)) {}

LogModel::LogModel(FloatFormat f, const LogDesign& design)
    : f_(f), design_(design), ln2_(log_ln2_fixed(design.frac_bits)) {
  const int p = f.p, q = design.frac_bits;
  const uint64_t lo = uint64_t{1} << (p - 1);
  for (uint64_t m = lo; m < 2 * lo; ++m) {
    // t = m / 2^(p-1) - 1 (case A) or m / 2^p - 1 (case B).
    const mpq_class t =
        case_b(m, p) ? mpq_class(m) / power_of_two(p) - 1 : mpq_class(m) / power_of_two(p - 1) - 1;
    const mpq_class abs_t = abs(t);
    mpq_class power = 1;
    mpz_class s = 0;
    for (int i = 1; i <= design.terms; ++i) {
      power *= abs_t;
      const mpq_class scaled = power / i * power_of_two(q) + mpq_class(1, 2);
      mpz_class u;
      mpz_fdiv_q(u.get_mpz_t(), scaled.get_num_mpz_t(), scaled.get_den_mpz_t());
      if (t < 0 || i % 2 == 0)
        s -= u;
      else
        s += u;
    }
    sums_.push_back(s);
  }
}

const mpz_class& LogModel::series_sum(uint64_t m) const {
  return sums_.at(m - (uint64_t{1} << (f_.p - 1)));
}

int64_t LogModel::reduced_exponent(FloatValue x, int p) {
  return x.exponent + p - 1 + (case_b(x.magnitude, p) ? 1 : 0);
}

LogModelResult LogModel::evaluate(FloatValue x) const {
  LogModelResult r;
  if (x.negative || x.magnitude == 0) {
    r.domain_error = true;
    return r;
  }
  r.l = reduced_exponent(x, f_.p) * ln2_ + series_sum(x.magnitude);
  r.z = round_to_float(mpq_class(r.l) / power_of_two(design_.frac_bits), f_);
  return r;
}

}  // namespace tc
