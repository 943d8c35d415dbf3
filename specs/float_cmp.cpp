// Spec of exact float comparison, through a sign-magnitude order key.
//
// For valid encodings |x| is ordered by the key (biased exponent, significand), with the zero's
// key forced to 0: a nonzero normalized significand is >= 2^(p-1), so every nonzero key is
// larger. Then x <= y is decided by the signs (a negative float is nonzero, since -0 is not a
// valid encoding) and, for equal signs, by comparing keys, reversed when both are negative.
// Equality is equal keys and equal signs. No rounding is involved: comparison is exact.
#include "specs/float_cmp.hpp"

#include "lib/float_word.hpp"
#include "specs/float_bits.hpp"

namespace tc {

namespace {

Bits order_key(Circuit& c, const FloatBits& x) {
  const Signal nonzero = bits_any(c, x.magnitude);
  Bits biased = x.exponent;
  biased.back() = !biased.back();  // two's complement -> offset binary
  for (Signal& s : biased) s = c.create_and(s, nonzero);
  return bits_concat(x.magnitude, biased);
}

}  // namespace

Circuit build_float_cmp_spec(const Params& params) {
  const FloatFormat f = float_format(params);
  Circuit c("float-cmp-spec");
  const FloatBits x = split_float(add_float_input(c, "x", f), f);
  const FloatBits y = split_float(add_float_input(c, "y", f), f);
  const Bits kx = order_key(c, x), ky = order_key(c, y);
  const Signal x_smaller = bits_less(c, kx, ky);
  const Signal y_smaller = bits_less(c, ky, kx);
  // Signs differ: x <= y iff x is the negative one. Both >= 0: |x| <= |y|. Both < 0: |x| >= |y|.
  const Signal le = c.create_mux(x.sign, c.create_mux(y.sign, !x_smaller, kTrue),
                                 c.create_mux(y.sign, kFalse, !y_smaller));
  const Signal eq = c.create_and(bits_equal(c, kx, ky), !c.create_xor(x.sign, y.sign));
  c.add_output_word("le", {le}, Decoding::boolean());
  c.add_output_word("eq", {eq}, Decoding::boolean());
  return c;
}

}  // namespace tc
