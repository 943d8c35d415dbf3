// Spec of exp (see exp.hpp): each line below is one line of the algorithm in exp_algorithm.hpp.
#include "specs/exp.hpp"

#include "lib/float_word.hpp"
#include "specs/exp_algorithm.hpp"
#include "specs/float_bits.hpp"
#include "specs/float_exact.hpp"
#include "specs/float_round.hpp"

namespace tc {

namespace {

Bits constant_word(const mpz_class& v) {
  return bits_constant(v.get_si(), bits_width_of(v.get_si()) + 1);
}

Bits add_constant(Circuit& c, const Bits& x, int64_t v) {
  Bits r = bits_add(c, x, bits_constant(v, static_cast<int>(x.size())));
  r.pop_back();  // modulo 2^width
  return r;
}

Bits constant_float(FloatValue v, FloatFormat f) {
  Bits word;
  for (bool b : float_to_bits(v, f)) word.push_back(b ? kTrue : kFalse);
  return word;
}

}  // namespace

Circuit build_exp_spec(const Params& params) {
  const FloatFormat f = float_format(params);
  const ExpDesign d = exp_design(f.p);
  const int p = d.p, q = d.q;
  Circuit c("exp-spec");
  const Bits x_word = add_float_input(c, "x", f);
  const FloatBits x = split_float(x_word, f);

  // big: x != 0 and e >= 1.
  const Signal big = c.create_and(bits_any(c, x.magnitude),
                                  bits_less_signed(c, bits_constant(0, f.e), x.exponent));

  // A = floor(m 2^(e+a)) = (m 2^a) >> -e for e <= 0 (shifts past the width give 0).
  const Bits minus_e =
      bits_sub(c, bits_constant(0, f.e + 1), bits_sign_extend(x.exponent, f.e + 1));
  Signal dropped;
  const Bits A = bits_shift_right_sticky(c, bits_concat(bits_constant(0, d.a), x.magnitude),
                                         minus_e, &dropped);
  const Bits A_t = bits_slice(A, d.a - d.t, p + d.a);

  // K = floor((A_t C + 2^(t+w-1)) / 2^(t+w)), p + 1 bits.
  const Bits K = bits_slice(
      add_constant(c, bits_zero_extend(bits_mul(c, A_t, constant_word(d.C)), p + d.t + d.w + 3),
                   int64_t{1} << (d.t + d.w - 1)),
      d.t + d.w, d.t + d.w + p + 1);

  // R = floor((A 2^(q+G-a) - K L + 2^(G-1)) / 2^G), q + 1 bits of two's complement.
  const int wv = p + q + d.G + 3;
  const Bits AG = bits_zero_extend(bits_concat(bits_constant(0, q + d.G - d.a), A), wv);
  const Bits KL = bits_zero_extend(bits_mul(c, K, constant_word(d.L)), wv);
  const Bits V = add_constant(c, bits_sub(c, AG, KL), int64_t{1} << (d.G - 1));
  const Bits R = bits_slice(V, d.G, d.G + q + 1);

  // M = |R|, sigma = s XOR [R < 0].
  const Signal negative = R[q];
  const Bits M = bits_mux(c, negative, bits_sub(c, bits_constant(0, q + 1), R), R);
  const Signal sigma = c.create_xor(x.sign, negative);
  // Blocks shared with the construction (circuits/exp.cpp), each proved on its own (none of these
  // gates feeds z): x -> (K, M, sigma), guaranteeing M <= (3/8) 2^q (exp_lemmas' range lemma),
  // which the series (M, sigma) -> Y assumes: the construction keeps only the bits of each power
  // that this range needs. Y's guarantee Y >= 2^(q-1) (e^r >= e^(-3/8) > 1/2) is what the
  // construction's rounding relies on, so the final check may assume it.
  const Signal m_in_range = !bits_less(c, bits_constant(3 << (q - 3), q + 1), M);
  Bits reduce_outputs = K;
  reduce_outputs.insert(reduce_outputs.end(), M.begin(), M.end());
  reduce_outputs.push_back(sigma);
  c.add_cut("exp/reduce", x_word, reduce_outputs, kTrue, m_in_range, true);

  // Y = floor((sum_i (-1)^(sigma i) P_i D_i + 2^(q-1)) / 2^q), P_i = floor((M >> s_i)^i / 2^(q(i-1)
  // - i s_i)).
  const int ws = 2 * q + 6;
  Bits even =
      bits_constant((int64_t{1} << (2 * q)) + (int64_t{1} << (q - 1)), ws);  // P_0 D_0 + half
  Bits odd = bits_constant(0, ws);
  for (int i = 1; i <= d.N; ++i) {
    const Bits shifted = bits_slice(M, d.s[i], q + 1);  // M >> s_i
    Bits power = shifted;
    for (int j = 2; j <= i; ++j) power = bits_mul(c, power, shifted);
    const int low = q * (i - 1) - i * d.s[i];
    const Bits P = bits_slice(power, low, low + q + 1);
    const Bits term = bits_zero_extend(bits_mul(c, P, constant_word(d.D[i])), ws);
    Bits& acc = i % 2 == 0 ? even : odd;
    acc = bits_add(c, acc, term);
    acc.pop_back();
  }
  Bits plus = bits_add(c, even, odd);
  plus.pop_back();
  const Bits total = bits_mux(c, sigma, bits_sub(c, even, odd), plus);
  const Bits Y = bits_slice(total, q, 2 * q + 2);
  Bits series_inputs = M;
  series_inputs.push_back(sigma);
  c.add_cut("exp/series", series_inputs, Y, m_in_range, c.create_or({Y[q - 1], Y[q], Y[q + 1]}),
            true);

  // z = round_p(Y 2^(k - q)), k = (-1)^s K.
  const int wk = p + 6;
  const Bits K_wide = bits_zero_extend(K, wk);
  const Bits k = bits_mux(c, x.sign, bits_sub(c, bits_constant(0, wk), K_wide), K_wide);
  const Bits band = float_round(c, {kFalse, Y, add_constant(c, k, -q), kFalse}, f);

  const Bits saturated =
      bits_mux(c, x.sign, constant_float({}, f), constant_float(float_max(f), f));
  add_float_output(c, "z", bits_mux(c, big, saturated, band), f);
  return c;
}

}  // namespace tc
