// Spec of the Hadamard product: one exact product, rounded once, per entry (see the header).
//
// Cut points: "significand-product-i" for entry i (0-based), inputs m_xi bits then m_yi bits,
// outputs the 2p-bit product, so a construction with the same products can share them.
#include "specs/float_hadamard.hpp"

#include <stdexcept>
#include <string>

#include "lib/float_word.hpp"
#include "specs/float_bits.hpp"
#include "specs/float_round.hpp"

namespace tc {

Circuit build_float_hadamard_spec(const Params& params) {
  const FloatFormat f = float_format(params);
  const int n = params.n;
  if (n < 1) throw std::invalid_argument("hadamard: n must be at least 1");
  Circuit c("float-hadamard-spec");
  std::vector<FloatBits> xs, ys;
  for (int i = 0; i < n; ++i)
    xs.push_back(split_float(add_float_input(c, std::string("x").append(std::to_string(i)), f), f));
  for (int i = 0; i < n; ++i)
    ys.push_back(split_float(add_float_input(c, std::string("y").append(std::to_string(i)), f), f));
  for (int i = 0; i < n; ++i) {
    const FloatBits& x = xs[i];
    const FloatBits& y = ys[i];
    Bits exponent =
        bits_add(c, bits_sign_extend(x.exponent, f.e + 1), bits_sign_extend(y.exponent, f.e + 1));
    exponent.pop_back();  // the sum of two e-bit numbers fits e + 1 bits
    const Bits product = bits_mul(c, x.magnitude, y.magnitude);
    Bits cut_inputs = x.magnitude;
    cut_inputs.insert(cut_inputs.end(), y.magnitude.begin(), y.magnitude.end());
    c.add_cut(std::string("significand-product-").append(std::to_string(i)), cut_inputs, product);
    add_float_output(c, std::string("z").append(std::to_string(i)),
                     float_round(c, {c.create_xor(x.sign, y.sign), product, exponent, kFalse}, f),
                     f);
  }
  return c;
}

}  // namespace tc
