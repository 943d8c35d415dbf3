// Widening, negation and narrowing of float words (see float_resize.hpp).
#include "circuits/float_resize.hpp"

#include <stdexcept>
#include <string>

namespace tc {

namespace {

void check_wider(FloatFormat narrow, FloatFormat wide, const char* what) {
  check_float_format(narrow);
  check_float_format(wide);
  if (wide.p < narrow.p || wide.e < narrow.e)
    throw std::invalid_argument(std::string(what) + ": format (" + std::to_string(wide.p) + ", " +
                                std::to_string(wide.e) + ") is not wider than (" +
                                std::to_string(narrow.p) + ", " + std::to_string(narrow.e) + ")");
}

}  // namespace

Bits float_widen(Circuit& c, const Bits& word, FloatFormat from, FloatFormat to) {
  check_wider(from, to, "float_widen");
  const int d = to.p - from.p;
  // The smallest exponent of `from`, shifted by d, must still be representable.
  if (from.emin() - d < to.emin())
    throw std::invalid_argument("float_widen: exponent emin - " + std::to_string(d) +
                                " does not fit " + std::to_string(to.e) + " bits");
  const FloatBits x = split_float(word, from);
  const Signal nonzero = x.magnitude.back();  // the leading bit of a valid word

  FloatBits out;
  out.magnitude.assign(d, kFalse);
  out.magnitude.insert(out.magnitude.end(), x.magnitude.begin(), x.magnitude.end());
  LinearForm exponent;
  exponent.add_signed(x.exponent, 1);
  exponent.constant = -d;
  for (int i = 0; i < to.e; ++i) out.exponent.push_back(fb_form_bit(c, exponent, i, {nonzero}));
  out.sign = x.sign;  // the canonical zero has sign 0 already
  return join_float(out);
}

Bits float_negate(Circuit& c, const Bits& word, FloatFormat f) {
  check_float_format(f);
  FloatBits x = split_float(word, f);
  // !sign AND nonzero: one gate, so -0 never appears.
  x.sign = c.create_and(!x.sign, x.magnitude.back());
  return join_float(x);
}

Bits float_narrow(Circuit& c, const Bits& word, FloatFormat from, FloatFormat to,
                  const RoundOptions& options) {
  check_wider(to, from, "float_narrow");
  const FloatBits x = split_float(word, from);
  UnroundedValue v;
  v.n = x.magnitude;
  v.lead_lo = from.p - 1;  // valid nonzero words are normalized
  v.exponent.add_signed(x.exponent, 1);
  v.sign = x.sign;
  return fb_round_pack(c, v, to, {}, options);
}

Circuit float_widen_circuit(FloatFormat from, FloatFormat to) {
  Circuit c("float-widen");
  add_float_output(c, "z", float_widen(c, add_float_input(c, "x", from), from, to), to);
  return c;
}

Circuit float_negate_circuit(FloatFormat f) {
  Circuit c("float-negate");
  add_float_output(c, "z", float_negate(c, add_float_input(c, "x", f), f), f);
  return c;
}

Circuit float_narrow_circuit(FloatFormat from, FloatFormat to) {
  Circuit c("float-narrow");
  add_float_output(c, "z", float_narrow(c, add_float_input(c, "x", from), from, to), to);
  return c;
}

}  // namespace tc
