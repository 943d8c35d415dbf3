// The exp algorithm: design constants and the integer model (see exp_algorithm.hpp).
#include "specs/exp_algorithm.hpp"

#include <mpfr.h>

#include <algorithm>
#include <stdexcept>

#include "specs/float_exact.hpp"

namespace tc {

namespace {

mpz_class pow2(int k) { return mpz_class(1) << k; }

// floor(v / 2^k) for any sign of v.
mpz_class floor_shift(const mpz_class& v, int k) {
  mpz_class r;
  mpz_fdiv_q_2exp(r.get_mpz_t(), v.get_mpz_t(), k);
  return r;
}

// round(2^k c) for c = ln 2 (invert = false) or 1 / ln 2, from a 256-bit enclosure.
mpz_class scaled_ln2(int k, bool invert) {
  mpfr_t v;
  mpfr_init2(v, 256);
  mpfr_const_log2(v, MPFR_RNDN);
  if (invert) mpfr_ui_div(v, 1, v, MPFR_RNDN);
  mpfr_mul_2si(v, v, k, MPFR_RNDN);
  mpz_class r;
  mpfr_get_z(r.get_mpz_t(), v, MPFR_RNDN);
  mpfr_clear(v);
  return r;
}

}  // namespace

mpz_class exp_ln2_scaled(int k) { return scaled_ln2(k, false); }
mpz_class exp_inv_ln2_scaled(int k) { return scaled_ln2(k, true); }

int exp_degree(int q) {
  // (33/20) rho^(n+1) / (n+1)! with rho = 3/8, exactly.
  mpq_class term(33, 20);
  for (int n = 1;; ++n) {
    term *= mpq_class(3, 8);
    term /= n;  // now (33/20) rho^n / n!
    if (n >= 3 && term <= mpq_class(1, 2) / pow2(q)) return n - 1;
  }
}

std::vector<int> exp_power_shifts(int q, int N) {
  constexpr int kMaxPowerBits = 48;
  std::vector<int> shifts{0, 0};
  mpq_class error = 1;  // (3/8)^(i-1) / (i-1)!
  for (int i = 2; i <= N; ++i) {
    error *= mpq_class(3, 8);
    error /= i - 1;
    int s = 0;
    while (error * (mpz_class(1) << (s + 2)) <= 1) ++s;  // 2^(s+1) error <= 1 holds for s
    shifts.push_back(std::max(s, (q - 1) - kMaxPowerBits / i));
  }
  return shifts;
}

ExpDesign exp_design(int p) {
  if (p < 2 || p > 16) throw std::invalid_argument("exp_design: p must be in 2..16");
  ExpDesign d;
  d.p = p;
  d.a = 2 * p + 2;
  d.q = p + 6;
  d.t = 6;
  d.w = p + 6;
  d.G = p + 2;
  d.N = exp_degree(d.q);
  d.C = exp_inv_ln2_scaled(d.w);
  d.L = exp_ln2_scaled(d.q + d.G);
  d.s = exp_power_shifts(d.q, d.N);
  mpz_class factorial = 1;
  for (int i = 0; i <= d.N; ++i) {
    if (i > 0) factorial *= i;
    // round(2^q / i!): floor((2^(q+1) + i!) / (2 i!)); no ties since i! does not divide 2^q
    // beyond i = 2, and for i <= 2 the quotient is exact.
    d.D.push_back((pow2(d.q + 1) + factorial) / (2 * factorial));
  }
  return d;
}

ExpTrace exp_model(FloatValue x, const ExpDesign& d, FloatFormat f) {
  ExpTrace t;
  if (x.magnitude != 0 && x.exponent >= 1) {
    t.big = true;
    t.z = x.negative ? FloatValue{} : float_max(f);
    return t;
  }
  const mpz_class m(static_cast<unsigned long>(x.magnitude));
  const int e = static_cast<int>(x.exponent);
  auto fixed = [&](int bits) {  // floor(m 2^(e + bits))
    return e + bits >= 0 ? mpz_class(m << (e + bits)) : floor_shift(m, -(e + bits));
  };
  t.A = x.exponent < d.e_lo() ? mpz_class(0) : fixed(d.a);
  t.A_t = x.exponent < d.e_lo() ? mpz_class(0) : fixed(d.t);
  t.K = floor_shift(t.A_t * d.C + pow2(d.t + d.w - 1), d.t + d.w);
  t.R = floor_shift((t.A << (d.q + d.G - d.a)) - t.K * d.L + pow2(d.G - 1), d.G);
  t.M = abs(t.R);
  t.sigma = x.negative != (t.R < 0);
  mpz_class sum = pow2(d.q - 1), power = 1;
  for (int i = 0; i <= d.N; ++i) {
    mpz_class P = pow2(d.q);
    if (i > 0) {
      mpz_pow_ui(power.get_mpz_t(), mpz_class(t.M >> d.s[i]).get_mpz_t(), i);
      P = floor_shift(power, d.q * (i - 1) - i * d.s[i]);
    }
    t.P.push_back(P);
    if (t.sigma && i % 2 == 1)
      sum -= P * d.D[i];
    else
      sum += P * d.D[i];
  }
  t.Y = floor_shift(sum, d.q);
  t.k = x.negative ? -t.K.get_si() : t.K.get_si();
  mpq_class y(t.Y);
  if (t.k - d.q >= 0)
    y *= mpq_class(pow2(static_cast<int>(t.k - d.q)));
  else
    y /= mpq_class(pow2(static_cast<int>(d.q - t.k)));
  t.z = round_to_float(y, f);
  return t;
}

}  // namespace tc
