// Spec of the iterated float product: the exact product, rounded once by float_round.
//
// x_1 ... x_n = (m_1 ... m_n) * 2^(e_1 + ... + e_n) exactly: a chain of array multipliers (n p
// bits), exponent ripple adders in a word wide enough for the sum, the sign as an XOR chain. The
// low s = float_prod_sticky_bits(n, p) product bits are folded into a sticky bit before rounding:
// for a nonzero product the leading one is at bit n (p - 1) >= s + p, so N' = N >> s still has
// at least p bits above the sticky (float_round's precondition) and its rounding is that of N.
// A zero operand gives N = 0 and the canonical zero.
//
// Cut point (lib/sat/cut_points.hpp): "significand-product", inputs m_1 .. m_n (LSB first each),
// outputs N' (LSB first) then the sticky. Exact and total, so any correct product matches it.
#include "specs/float_prod.hpp"

#include <stdexcept>
#include <string>

#include "lib/float_word.hpp"
#include "specs/float_bits.hpp"
#include "specs/float_round.hpp"

namespace tc {

int float_prod_sticky_bits(int n, int p) { return (n - 1) * (p - 1) - 1; }

Circuit build_float_prod_spec(const Params& params) {
  const FloatFormat f = float_format(params);
  const int n = params.n, p = f.p;
  if (n < 2) throw std::invalid_argument("fprod: n must be at least 2");
  Circuit c("float-prod-spec");
  std::vector<FloatBits> xs;
  for (int i = 0; i < n; ++i)
    xs.push_back(split_float(add_float_input(c, std::string("x").append(std::to_string(i)), f), f));

  Bits product = xs[0].magnitude;
  Bits cut_inputs = xs[0].magnitude;
  Signal sign = xs[0].sign;
  for (int i = 1; i < n; ++i) {
    product = bits_mul(c, product, xs[i].magnitude);
    cut_inputs.insert(cut_inputs.end(), xs[i].magnitude.begin(), xs[i].magnitude.end());
    sign = c.create_xor(sign, xs[i].sign);
  }
  const int s = float_prod_sticky_bits(n, p);
  Bits shifted = bits_slice(product, s, n * p);
  const Signal sticky = bits_any(c, bits_slice(product, 0, s));
  Bits cut_outputs = shifted;
  cut_outputs.push_back(sticky);
  // Named for the miter (lib/sat/cut_points.hpp), on zero or normalized significands (every
  // valid word's).
  std::vector<Bits> magnitudes;
  for (const FloatBits& x : xs) magnitudes.push_back(x.magnitude);
  c.add_cut("significand-product", cut_inputs, cut_outputs, all_zero_or_normalized(c, magnitudes));

  // E = e_1 + ... + e_n + s lies in [-n 2^(e-1), n (2^(e-1) - 1) + s].
  const int width = bits_width_of(int64_t{n} * (int64_t{1} << (f.e - 1)) + s) + 1;
  Bits exponent = bits_constant(s, width);
  for (const FloatBits& x : xs) {
    exponent = bits_add(c, exponent, bits_sign_extend(x.exponent, width));
    exponent.pop_back();  // the sum fits `width` bits
  }
  add_float_output(c, "z", float_round(c, {sign, shifted, exponent, sticky}, f), f);
  return c;
}

}  // namespace tc
