// Spec of log (see log.hpp): schoolbook circuits for each step of the algorithm.
//
// Rounding a term without a wide divider: with Y = |t|^i 2^q (a dyadic rational) and the integer
// i, floor(Y / i + 1/2) = floor((2Y + i) / 2i) = floor((floor(2Y) + i) / 2i), because
// floor(a / n) = floor(floor(a) / n) for integers n > 0 and floor(2Y + i) = floor(2Y) + i. So the
// exact power |T|^i is shifted to floor(2Y) = floor(|T|^i 2^(q+1-ip)), i is added, and a short
// restoring division by the constant 2i gives u_i. specs/log_model.cpp rounds the exact rational
// instead, and a test checks that both agree on every input.
#include "specs/log.hpp"

#include <fmt/core.h>
#include <mpfr.h>

#include <cmath>

#include "lib/decode.hpp"
#include "lib/dyadic.hpp"
#include "lib/float_word.hpp"
#include "specs/float_bits.hpp"
#include "specs/float_exact.hpp"
#include "specs/float_round.hpp"
#include "specs/log_model.hpp"

namespace tc {

namespace {

// floor(n / d) for a constant d >= 1: restoring long division, most significant bit first.
Bits divide_by_constant(Circuit& c, const Bits& n, int64_t d) {
  const int rw = bits_width_of(d) + 1;  // the partial remainder stays below 2d
  const Bits divisor = bits_constant(d, rw);
  Bits r = bits_constant(0, rw);
  Bits quotient(n.size(), kFalse);
  for (int i = static_cast<int>(n.size()) - 1; i >= 0; --i) {
    r = bits_concat({n[i]}, bits_slice(r, 0, rw - 1));  // 2r + n_i
    const Signal fits = !bits_less(c, r, divisor);
    quotient[i] = fits;
    r = bits_mux(c, fits, bits_sub(c, r, divisor), r);
  }
  return quotient;
}

Bits negate(Circuit& c, const Bits& x) {
  return bits_sub(c, bits_constant(0, static_cast<int>(x.size())), x);
}

}  // namespace

mpq_class LogDesign::truncation_budget() const { return power_of_two(-(p + margin + 1)); }
mpq_class LogDesign::rounding_budget() const { return power_of_two(-(2 * p + margin + 1)); }
mpq_class LogDesign::pre_rounding_bound() const { return power_of_two(-(p + margin)); }
mpq_class LogDesign::end_to_end_bound() const {
  const mpq_class u = power_of_two(-p), delta = pre_rounding_bound();
  return u + delta + u * delta;
}

LogDesign log_design(int p) {
  LogDesign d;
  d.p = p;
  // 2 (1/2)^(N+1) / (N+1) <= 0.405 * 2^-(p+c+1), i.e. 2^(p+c+1-N) <= 0.405 (N + 1).
  d.terms = 1;
  while (std::pow(2.0, p + d.margin + 1 - d.terms) > 0.405 * (d.terms + 1)) ++d.terms;
  // (N - 1) 2^-(q+1) <= 2^-(2p+c+1), i.e. N - 1 <= 2^(q - 2p - c).
  d.frac_bits = 2 * p + d.margin;
  while ((int64_t{1} << (d.frac_bits - 2 * p - d.margin)) < d.terms - 1) ++d.frac_bits;
  return d;
}

mpz_class log_ln2_fixed(int q) {
  mpfr_t v;
  mpfr_init2(v, q + 64);
  mpfr_const_log2(v, MPFR_RNDN);
  mpfr_mul_2si(v, v, q, MPFR_RNDN);
  mpz_class r;
  mpfr_get_z(r.get_mpz_t(), v, MPFR_RNDN);
  mpfr_clear(v);
  return r;
}

Circuit build_log_spec(const Params& params) {
  const FloatFormat f = float_format(params);
  const int p = f.p;
  const LogDesign d = log_design(p);
  const int q = d.frac_bits, n_terms = d.terms;
  Circuit c("log-spec");
  const FloatBits x = split_float(add_float_input(c, "x", f), f);
  const Signal domain_error = c.create_or(!bits_any(c, x.magnitude), x.sign);

  // Normalize: case B iff m >= 3 2^(p-2); |T| = 2 (m - 2^(p-1)) in case A, 2^p - m in case B.
  const int mw = p + 1;
  const Bits m = bits_zero_extend(x.magnitude, mw);
  const Signal case_b = !bits_less(c, m, bits_constant(int64_t{3} << (p - 2), mw));
  const Bits excess = bits_sub(c, m, bits_constant(int64_t{1} << (p - 1), mw));
  const Bits t_a = bits_concat({kFalse}, bits_slice(excess, 0, mw - 1));
  const Bits t_b = bits_sub(c, bits_constant(int64_t{1} << p, mw), m);
  const Bits abs_t = bits_slice(bits_mux(c, case_b, t_b, t_a), 0, p);  // |T| < 2^(p-1)

  // The terms: u_i = floor((floor(|T|^i 2^(q+1-ip)) + i) / 2i), each at most 2^q.
  const int tw = q + 2;
  const int lw = q + f.e + 3;  // |k| LN2 < (2^(E-1) + p) 2^q and |S| < 2^q
  Bits odd_sum = bits_constant(0, lw), even_sum = bits_constant(0, lw);
  Bits power = abs_t;
  for (int i = 1; i <= n_terms; ++i) {
    if (i > 1) power = bits_mul(c, power, abs_t);
    const int shift = q + 1 - i * p;
    Bits twice = shift >= 0 ? bits_concat(bits_constant(0, shift), power)
                            : bits_slice(power, std::min(-shift, static_cast<int>(power.size())),
                                         static_cast<int>(power.size()));
    twice =
        bits_slice(bits_zero_extend(twice, std::max(tw, static_cast<int>(twice.size()))), 0, tw);
    const Bits plus_i = bits_slice(bits_add(c, twice, bits_constant(i, tw)), 0, tw);
    const Bits u = bits_zero_extend(divide_by_constant(c, plus_i, 2 * i), lw);
    Bits& sum = i % 2 ? odd_sum : even_sum;
    sum = bits_slice(bits_add(c, sum, u), 0, lw);
  }
  // S = odd - even for t >= 0, -(odd + even) for t < 0.
  const Bits s = bits_mux(c, case_b, negate(c, bits_slice(bits_add(c, odd_sum, even_sum), 0, lw)),
                          bits_sub(c, odd_sum, even_sum));

  // k = e + p - 1 + B, then k LN2 by |k| times the constant.
  const Bits k = bits_slice(
      bits_add(c, bits_sign_extend(x.exponent, lw), bits_constant(p - 1, lw), case_b), 0, lw);
  const Signal k_negative = k[lw - 1];
  const Bits abs_k = bits_slice(bits_mux(c, k_negative, negate(c, k), k), 0, f.e + 1);
  const mpz_class ln2 = log_ln2_fixed(q);
  const Bits ln2_bits = bits_constant(ln2.get_si(), q + 1);
  const Bits abs_kl = bits_zero_extend(bits_mul(c, abs_k, ln2_bits), lw);
  const Bits kl = bits_mux(c, k_negative, negate(c, abs_kl), abs_kl);

  const Bits l = bits_sub(c, kl, negate(c, s));  // kl + s
  const Signal negative = l[lw - 1];
  const Bits abs_l = bits_mux(c, negative, negate(c, l), l);
  const Bits exponent = bits_constant(-q, bits_width_of(q) + 1);
  const Bits rounded = float_round(c, {negative, abs_l, exponent, kFalse}, f);
  add_float_output(c, "z", bits_mux(c, domain_error, bits_constant(0, f.width()), rounded), f);
  c.add_output_word("domain_error", {domain_error}, Decoding::boolean());
  return c;
}

std::vector<std::string> log_reference(const Params& params,
                                       const std::vector<std::vector<bool>>& inputs) {
  const FloatFormat f = float_format(params);
  const FloatValue x = float_from_bits(inputs.at(0), f);
  if (x.negative || x.magnitude == 0) return {"x <= 0: canonical zero by definition", "true"};
  const LogModel model(f);
  const LogModelResult r = model.evaluate(x);
  const mpq_class exact_l = mpq_class(r.l) / power_of_two(model.design().frac_bits);
  mpfr_t v;
  mpfr_init2(v, 128);
  mpfr_set_q(v, value(x).get_mpq_t(), MPFR_RNDN);
  mpfr_log(v, v, MPFR_RNDN);
  const double ln_x = mpfr_get_d(v, MPFR_RNDN);
  mpfr_clear(v);
  return {fmt::format("ln x = {:.17g} (MPFR); algorithm L 2^-q = {:.17g}, round_p = {}", ln_x,
                      exact_l.get_d(), format_word(float_decoding(f), float_to_bits(r.z, f))),
          "false"};
}

}  // namespace tc
