// The fast model of the discretization and its measurement against MPFR (see
// discretize_measure.hpp).
#include "specs/discretize_measure.hpp"

#include <fmt/core.h>
#include <mpfr.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "lib/error_measure.hpp"
#include "lib/random_float.hpp"
#include "specs/exp_algorithm.hpp"
#include "specs/float_exact.hpp"

namespace tc {

namespace {

constexpr int kPrecision = 160;

const ExpDesign& cached_exp_design(int q) {
  static thread_local int cached = -1;
  static thread_local ExpDesign design;
  if (cached != q) {
    design = exp_design(q);
    cached = q;
  }
  return design;
}

FloatValue widen(FloatValue x, int c) {
  return x.magnitude == 0 ? FloatValue{} : FloatValue{x.negative, x.magnitude << c, x.exponent - c};
}

// Enclosures of e^x and phi(x) = expm1(x) / x for an exact rational x < 0 (a product of two
// p-bit floats, exact in MPFR at 160 bits), directed rounding.
struct ZohEnclosure {
  mpfr_t x, e_lo, e_hi, m_lo, m_hi, phi_lo, phi_hi;
  ZohEnclosure() {
    for (mpfr_ptr v : {x, e_lo, e_hi, m_lo, m_hi, phi_lo, phi_hi}) mpfr_init2(v, kPrecision);
  }
  ~ZohEnclosure() {
    for (mpfr_ptr v : {x, e_lo, e_hi, m_lo, m_hi, phi_lo, phi_hi}) mpfr_clear(v);
  }
  ZohEnclosure(const ZohEnclosure&) = delete;
  ZohEnclosure& operator=(const ZohEnclosure&) = delete;
  void set(const mpq_class& v) {
    mpfr_set_exact(x, v);
    mpfr_exp(e_lo, x, MPFR_RNDD);
    mpfr_exp(e_hi, x, MPFR_RNDU);
    if (v == 0) {
      mpfr_set_ui(phi_lo, 1, MPFR_RNDN);
      mpfr_set_ui(phi_hi, 1, MPFR_RNDN);
      return;
    }
    mpfr_expm1(m_lo, x, MPFR_RNDD);
    mpfr_expm1(m_hi, x, MPFR_RNDU);
    if (v < 0) {  // dividing by x < 0 swaps the ends
      mpfr_div(phi_lo, m_hi, x, MPFR_RNDD);
      mpfr_div(phi_hi, m_lo, x, MPFR_RNDU);
    } else {
      mpfr_div(phi_lo, m_lo, x, MPFR_RNDD);
      mpfr_div(phi_hi, m_hi, x, MPFR_RNDU);
    }
  }
};

// An upper bound of |v - F| / |F| for F in [s lo, s hi] (0 < lo <= hi, s a nonzero rational).
mpq_class relative_error(const mpq_class& v, const mpq_class& lo, const mpq_class& hi,
                         const mpq_class& s) {
  const mpq_class w = v / s;  // the error relative to F equals that of w relative to F / s
  const mpq_class e = std::max(abs(w - lo), abs(hi - w));
  return e / lo;
}

std::string decimal(const mpq_class& v) { return fmt::format("{:.10g}", v.get_d()); }

}  // namespace

FloatValue expm1_ratio_model(FloatValue z, const Expm1RatioDesign& d) {
  const FloatFormat f = d.format();
  const int64_t q = d.q;
  const bool large = z.magnitude != 0 && z.exponent + q - 1 >= -d.t;
  if (large) {
    const FloatValue y = exp_model(z, cached_exp_design(d.q), f).z;
    const FloatValue num = exact_add(y, round_to_float(-1, f), f);
    return exact_div(num, z, f).z;
  }
  const FloatValue c3 = round_to_float(mpq_class(1, 24), f),
                   c2 = round_to_float(mpq_class(1, 6), f);
  const FloatValue half = round_to_float(mpq_class(1, 2), f), one = round_to_float(1, f);
  const FloatValue a1 = exact_add(exact_mul(z, c3, f), c2, f);
  const FloatValue a2 = exact_add(exact_mul(z, a1, f), half, f);
  return exact_add(exact_mul(z, a2, f), one, f);
}

DiscretizeTrace discretize_model(FloatValue delta, FloatValue a, FloatValue b,
                                 const DiscretizeDesign& d) {
  const FloatFormat f = d.narrow(), f1 = d.wide();
  const int c = d.p1 - d.p;
  const FloatValue D = widen(delta, c);
  DiscretizeTrace t;
  t.z = exact_mul(D, widen(a, c), f1);
  t.y = exp_model(t.z, cached_exp_design(d.p1), f1).z;
  t.abar = round_to_float(value(t.y), f);
  if (d.euler) {
    t.bbar = exact_mul(delta, b, f);
    return t;
  }
  t.phi = expm1_ratio_model(t.z, expm1_ratio_design(d.p1));
  t.t = exact_mul(D, t.phi, f1);
  t.w = exact_mul(t.t, widen(b, c), f1);
  t.bbar = round_to_float(value(t.w), f);
  return t;
}

DiscretizeMeasurement discretize_measure(const DiscretizeDesign& d, const mpq_class& Z,
                                         uint64_t samples, uint64_t seed) {
  const FloatFormat f = d.narrow();
  DiscretizeMeasurement m;
  m.exhaustive = samples == 0;
  const mpq_class paper = mpq_class(1) / mpq_class(mpz_class(1) << d.p);
  const mpq_class lo_zoh = 2 * value(float_min(f)), hi_zoh = value(float_max(f)) / 2;
  ZohEnclosure enc;
  // Every significand of b, at the exponent that puts Delta b in [1, 4) (clamped into range):
  // the relative errors do not change when b is scaled by a power of two inside the range, so
  // this covers every b for which the ZOH is in range.
  std::vector<FloatValue> bs;
  for (uint64_t mb = uint64_t{1} << (d.p - 1); mb < (uint64_t{1} << d.p); ++mb)
    bs.push_back({false, mb, 0});
  auto measure = [&](FloatValue delta, FloatValue a) {
    const int64_t eb = std::clamp<int64_t>(-delta.exponent - 2 * d.p + 2, f.emin(), f.emax());
    for (FloatValue& b : bs) b.exponent = eb;
    const mpq_class x = value(delta) * value(a);
    if (x == 0 || abs(x) > Z) return;
    ++m.pairs;
    enc.set(x);
    const mpq_class e_lo = mpfr_to_rational(enc.e_lo), e_hi = mpfr_to_rational(enc.e_hi);
    const mpq_class p_lo = mpfr_to_rational(enc.phi_lo), p_hi = mpfr_to_rational(enc.phi_hi);
    bool first = true;
    for (const FloatValue& b : bs) {
      const DiscretizeTrace t = discretize_model(delta, a, b, d);
      const mpq_class scale = value(delta) * value(b);  // ZOH = Delta b phi(Delta a)
      if (first) {
        if (value(t.z) != x) ++m.z_inexact;
        const mpq_class ea = relative_error(value(t.abar), e_lo, e_hi, 1);
        if (ea > paper) ++m.abar_above_2_minus_p;
        keep_worse(m.abar, ea, delta, a, b);
        keep_worse(m.phi, relative_error(value(t.phi), p_lo, p_hi, 1), delta, a, b);
        first = false;
      }
      if (scale * p_lo < lo_zoh || scale * p_hi > hi_zoh) continue;
      ++m.points;
      const mpq_class eb = relative_error(value(t.bbar), p_lo, p_hi, scale);
      if (eb > paper) ++m.bbar_above_2_minus_p;
      keep_worse(m.bbar, eb, delta, a, b);
    }
  };
  const std::vector<FloatValue> all = all_float_values(f);
  if (m.exhaustive) {
    for (const FloatValue& delta : all)
      if (delta.magnitude != 0 && !delta.negative)
        for (const FloatValue& a : all)
          if (a.magnitude != 0 && a.negative) measure(delta, a);
    return m;
  }
  // Pairs with |Delta a| in [2^-(2p+4), Z]: both of phi's branches, exponents near zero.
  uint64_t state = seed;
  const uint64_t low = uint64_t{1} << (d.p - 1);
  for (uint64_t i = 0; i < samples; ++i) {
    const uint64_t r = splitmix(state), s = splitmix(state);
    const int64_t ed = -(d.p - 1) - 6 + static_cast<int64_t>(r % 8);
    const int64_t ea = -(d.p - 1) - 4 + static_cast<int64_t>((r >> 8) % 7);
    measure({false, low | ((r >> 16) & (low - 1)), ed}, {true, low | (s & (low - 1)), ea});
  }
  return m;
}

std::vector<std::string> discretize_reference(const Params& params,
                                              const std::vector<std::vector<bool>>& inputs) {
  const DiscretizeDesign d = discretize_design(params);
  const FloatFormat f = d.narrow();
  const FloatValue delta = float_from_bits(inputs.at(0), f);
  std::vector<std::string> abar_lines, bbar_lines;
  ZohEnclosure enc;
  for (int i = 0; i < d.N; ++i) {
    const FloatValue a = float_from_bits(inputs.at(1 + i), f);
    const FloatValue b = float_from_bits(inputs.at(1 + d.N + i), f);
    const DiscretizeTrace t = discretize_model(delta, a, b, d);
    const mpq_class x = value(delta) * value(a);
    const bool in_reach = abs(x) <= mpq_class(mpz_class(1) << (d.p1 + 2));
    if (in_reach) enc.set(x);
    const mpq_class e_lo = in_reach ? mpfr_to_rational(enc.e_lo) : mpq_class(0);
    const mpq_class e_hi = in_reach ? mpfr_to_rational(enc.e_hi) : mpq_class(0);
    std::string abar = fmt::format("Delta a = {} = {} (exact, GMP); ", x.get_str(), decimal(x));
    if (in_reach && e_lo > 0)
      abar += fmt::format(
          "e^(Delta a) = {}..., round_p = {}; algorithm Abar = {} (p1 = {}: z = {}, "
          "y = {}), relative error {}",
          decimal(e_lo), float_to_string(round_to_float(e_lo, f)), float_to_string(t.abar), d.p1,
          float_to_string(t.z), float_to_string(t.y),
          error_text(relative_error(value(t.abar), e_lo, e_hi, 1)));
    else
      abar += fmt::format("|Delta a| beyond 2^{} (not enclosed); algorithm Abar = {}", d.p1 + 2,
                          float_to_string(t.abar));
    abar_lines.push_back(abar);
    const mpq_class euler = value(delta) * value(b);
    std::string bbar;
    const std::string euler_text = fmt::format("Euler Delta b = {}, round_p = {}", decimal(euler),
                                               float_to_string(round_to_float(euler, f)));
    if (!in_reach) {
      bbar = fmt::format("ZOH not enclosed; {}; algorithm Bbar = {}", euler_text,
                         float_to_string(t.bbar));
    } else {
      const mpq_class p_lo = mpfr_to_rational(enc.phi_lo), p_hi = mpfr_to_rational(enc.phi_hi);
      const mpq_class zoh = euler * p_lo;
      const std::string err =
          euler == 0 ? (value(t.bbar) == 0 ? std::string("0") : std::string("(ZOH is 0)"))
                     : error_text(relative_error(value(t.bbar), p_lo, p_hi, euler));
      bbar = fmt::format(
          "ZOH (e^(Delta a) - 1)/a b = Delta b phi(Delta a) = {}...{} (phi = {}), round_p = {}; "
          "{}; algorithm Bbar = {}{}, relative error to the ZOH {}",
          decimal(zoh), x == 0 ? " (a = 0 or Delta = 0: the limit Delta b, exact)" : "",
          decimal(p_lo), float_to_string(round_to_float(zoh, f)), euler_text,
          float_to_string(t.bbar),
          d.euler ? std::string(" (euler)")
                  : fmt::format(" (phi = {}, Delta phi = {}, w = {})", float_to_string(t.phi),
                                float_to_string(t.t), float_to_string(t.w)),
          err);
    }
    bbar_lines.push_back(bbar);
  }
  std::vector<std::string> lines = abar_lines;
  lines.insert(lines.end(), bbar_lines.begin(), bbar_lines.end());
  return lines;
}

}  // namespace tc
