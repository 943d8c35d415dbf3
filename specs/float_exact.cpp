// The exact float evaluator (see float_exact.hpp for the rounding decisions).
//
// Values are GMP rationals, so nothing here can overflow or lose precision; round_to_float is
// the only place where F_p appears, and it is checked against a brute-force nearest-element
// search in tests/specs/float_exact.cpp. Speed matters only enough for the exhaustive p = 4
// cross-checks (about 1.3 million roundings).
#include "specs/float_exact.hpp"

#include <cassert>

#include "lib/decode.hpp"
#include "lib/dyadic.hpp"

namespace tc {

namespace {

mpz_class pow2(int64_t k) {
  assert(k >= 0);
  return mpz_class(1) << static_cast<mp_bitcnt_t>(k);
}

// floor(log2 a) for a > 0.
int64_t floor_log2(const mpq_class& a) {
  const mpz_class& num = a.get_num();
  const mpz_class& den = a.get_den();
  int64_t t = static_cast<int64_t>(mpz_sizeinbase(num.get_mpz_t(), 2)) -
              static_cast<int64_t>(mpz_sizeinbase(den.get_mpz_t(), 2));
  // Now 2^(t-1) < a < 2^(t+1); one comparison settles it.
  if (a < power_of_two(t)) --t;
  return t;
}

FloatValue with_sign(FloatValue v, bool negative) {
  v.negative = negative && v.magnitude != 0;
  return v;
}

}  // namespace

mpq_class value(FloatValue v) { return float_value(v); }

FloatValue float_max(FloatFormat f) { return {false, (uint64_t{1} << f.p) - 1, f.emax()}; }
FloatValue float_min(FloatFormat f) { return {false, uint64_t{1} << (f.p - 1), f.emin()}; }

FloatValue round_to_float(const mpq_class& x, FloatFormat f) {
  check_float_format(f);
  if (x == 0) return {};
  const bool negative = x < 0;
  const mpq_class a = abs(x);
  // a = s * 2^k with s in [2^(p-1), 2^p): F_p near a is spaced 2^k, if k is in range.
  int64_t k = floor_log2(a) - (f.p - 1);
  if (k > f.emax()) return with_sign(float_max(f), negative);
  if (k < f.emin()) {
    // Below min the only elements are 0 and min; the tie min / 2 goes to 0.
    const mpq_class half_min = value(float_min(f)) / 2;
    return a > half_min ? with_sign(float_min(f), negative) : FloatValue{};
  }
  // q = floor(a / 2^k), rest = a / 2^k - q as num_rest / den.
  mpz_class num = a.get_num(), den = a.get_den();
  if (k >= 0)
    den *= pow2(k);
  else
    num *= pow2(-k);
  mpz_class q = num / den, rest = num % den;
  const int cmp_half = cmp(2 * rest, den);
  if (cmp_half > 0 || (cmp_half == 0 && q % 2 == 1)) ++q;  // nearest, ties to even
  if (q == pow2(f.p)) {                                    // rounded up into the next binade
    q = pow2(f.p - 1);
    ++k;
    if (k > f.emax()) return with_sign(float_max(f), negative);  // 2^p * 2^emax is not in F_p
  }
  return with_sign({false, q.get_ui(), k}, negative);
}

FloatValue exact_add(FloatValue x, FloatValue y, FloatFormat f) {
  return round_to_float(value(x) + value(y), f);
}

FloatValue exact_mul(FloatValue x, FloatValue y, FloatFormat f) {
  return round_to_float(value(x) * value(y), f);
}

DivResult exact_div(FloatValue x, FloatValue y, FloatFormat f) {
  if (y.magnitude == 0) return {FloatValue{}, true};
  return {round_to_float(value(x) / value(y), f), false};
}

bool exact_le(FloatValue x, FloatValue y) { return value(x) <= value(y); }
bool exact_eq(FloatValue x, FloatValue y) { return value(x) == value(y); }

FloatValue exact_floor(FloatValue x, FloatFormat f) {
  const mpq_class v = value(x);
  mpz_class fl;
  mpz_fdiv_q(fl.get_mpz_t(), v.get_num().get_mpz_t(), v.get_den().get_mpz_t());
  return round_to_float(mpq_class(fl), f);
}

std::vector<FloatValue> all_float_values(FloatFormat f) {
  check_float_format(f);
  std::vector<FloatValue> values{FloatValue{}};
  for (bool negative : {false, true})
    for (int64_t k = f.emin(); k <= f.emax(); ++k)
      for (uint64_t m = uint64_t{1} << (f.p - 1); m < (uint64_t{1} << f.p); ++m)
        values.push_back({negative, m, k});
  return values;
}

}  // namespace tc
