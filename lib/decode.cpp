// Word decodings (see decode.hpp).
#include "lib/decode.hpp"

#include <algorithm>
#include <stdexcept>

#include "lib/dyadic.hpp"

namespace tc {

mpz_class decode_unsigned(const std::vector<bool>& bits) {
  mpz_class v = 0;
  for (size_t i = bits.size(); i-- > 0;) v = v * 2 + (bits[i] ? 1 : 0);
  return v;
}

mpz_class decode_signed(const std::vector<bool>& bits) {
  mpz_class v = decode_unsigned(bits);
  if (!bits.empty() && bits.back()) v -= mpz_class(1) << bits.size();
  return v;
}

mpq_class float_value(FloatValue v) {
  const mpq_class magnitude =
      dyadic(mpz_class(static_cast<unsigned long>(v.magnitude)), v.exponent);
  return v.negative ? mpq_class(-magnitude) : magnitude;
}

std::string format_dyadic(const mpq_class& q) {
  mpz_class num = abs(q.get_num()), den = q.get_den();
  std::string s = q < 0 ? "-" : "";
  s += mpz_class(num / den).get_str();
  mpz_class rest = num % den;
  if (rest != 0) {
    s += ".";
    for (int i = 0; rest != 0 && i < 40; ++i) {  // dyadic rationals terminate
      rest *= 10;
      s += mpz_class(rest / den).get_str();
      rest %= den;
    }
    if (rest != 0) s += "...";
  }
  return s;
}

std::string format_word(const Decoding& d, const std::vector<bool>& bits) {
  switch (d.kind) {
    case Decoding::Kind::Bool:
      return bits.size() == 1 ? (bits[0] ? "true" : "false") : decode_unsigned(bits).get_str();
    case Decoding::Kind::Unsigned:
      return decode_unsigned(bits).get_str();
    case Decoding::Kind::Signed:
      return decode_signed(bits).get_str();
    case Decoding::Kind::Float: {
      const FloatFormat format{d.p, d.e};
      const FloatValue f = float_from_bits(bits, format);
      std::string sign = f.negative ? "-" : "";
      std::string s = sign;
      s += std::to_string(f.magnitude) + " * 2^" + std::to_string(f.exponent);
      if (!float_is_valid(f, format)) return s + " (invalid encoding)";
      if (f.magnitude == 0) return f.negative ? "-0 (non-canonical zero)" : "0";
      // Normalized view 1.xxx * 2^(e + p - 1), then the exact decimal value.
      mpq_class mant(f.magnitude, mpz_class(1) << (d.p - 1));
      mant.canonicalize();
      return s + " (" + sign + format_dyadic(mant) + " * 2^" +
             std::to_string(f.exponent + d.p - 1) + " = " + format_dyadic(float_value(f)) + ")";
    }
  }
  return "?";
}

std::vector<bool> word_bits(const Circuit& circuit, const Word& word,
                            const std::vector<bool>& input) {
  // Input bits are numbered in input_nodes() order; find each word bit's position.
  const auto& nodes = circuit.input_nodes();
  std::vector<bool> bits;
  for (Signal s : word.bits) {
    auto it = std::find(nodes.begin(), nodes.end(), s.node());
    if (it == nodes.end())
      throw std::invalid_argument("word '" + word.name + "' is not an input word");
    bits.push_back(input[static_cast<size_t>(it - nodes.begin())] != s.complemented());
  }
  return bits;
}

}  // namespace tc
