// Plain spec of widening, negation and narrowing (see float_resize.hpp).
#include "specs/float_resize.hpp"

#include <stdexcept>
#include <string>

#include "specs/float_bits.hpp"
#include "specs/float_round.hpp"

namespace tc {

namespace {

struct Fields {
  Bits mag, exp;
  Signal sign;
};

Fields fields_of(const Bits& word, FloatFormat f) {
  return {bits_slice(word, 0, f.p), bits_slice(word, f.p, f.p + f.e), word[f.p + f.e]};
}

Bits word_of(const Fields& x) {
  Bits w = bits_concat(x.mag, x.exp);
  w.push_back(x.sign);
  return w;
}

}  // namespace

Bits spec_float_widen(Circuit& c, const Bits& word, FloatFormat from, FloatFormat to) {
  check_float_format(from);
  check_float_format(to);
  const int d = to.p - from.p;
  if (d < 0 || to.e < from.e || from.emin() - d < to.emin())
    throw std::invalid_argument("spec_float_widen: target format too narrow");
  const Fields x = fields_of(word, from);
  Fields y;
  y.mag = bits_concat(bits_constant(0, d), x.mag);
  y.exp = bits_sub(c, bits_sign_extend(x.exp, to.e), bits_constant(d, to.e));
  y.sign = x.sign;
  const Bits wide = word_of(y);
  const Signal is_zero = !bits_any(c, x.mag);
  return bits_mux(c, is_zero, bits_constant(0, to.width()), wide);
}

Bits spec_float_negate(Circuit& c, const Bits& word, FloatFormat f) {
  check_float_format(f);
  Fields x = fields_of(word, f);
  x.sign = c.create_xor(x.sign, bits_any(c, x.mag));
  return word_of(x);
}

Bits spec_float_narrow(Circuit& c, const Bits& word, FloatFormat from, FloatFormat to) {
  check_float_format(from);
  check_float_format(to);
  if (to.p > from.p) throw std::invalid_argument("spec_float_narrow: target format is wider");
  const Fields x = fields_of(word, from);
  UnroundedFloat u;
  u.sign = x.sign;
  u.n = x.mag;
  u.exponent = x.exp;
  return float_round(c, u, to);
}

Circuit spec_float_widen_circuit(FloatFormat from, FloatFormat to) {
  Circuit c("float-widen-spec");
  add_float_output(c, "z", spec_float_widen(c, add_float_input(c, "x", from), from, to), to);
  return c;
}

Circuit spec_float_negate_circuit(FloatFormat f) {
  Circuit c("float-negate-spec");
  add_float_output(c, "z", spec_float_negate(c, add_float_input(c, "x", f), f), f);
  return c;
}

Circuit spec_float_narrow_circuit(FloatFormat from, FloatFormat to) {
  Circuit c("float-narrow-spec");
  add_float_output(c, "z", spec_float_narrow(c, add_float_input(c, "x", from), from, to), to);
  return c;
}

}  // namespace tc
