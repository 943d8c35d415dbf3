// Parsing user-typed input values (see input_values.hpp).
#include "verify/input_values.hpp"

#include <gmpxx.h>

#include <algorithm>
#include <stdexcept>

namespace tc {

namespace {

mpz_class parse_integer(const std::string& text, const std::string& what) {
  mpz_class v;
  if (text.empty() || v.set_str(text, 10) != 0)
    throw std::invalid_argument(what + ": '" + text + "' is not an integer");
  return v;
}

// "1.375", "-0.5", "3/8", "12" as an exact rational.
mpq_class parse_rational(const std::string& text, const std::string& what) {
  const auto slash = text.find('/');
  if (slash != std::string::npos) {
    mpz_class den = parse_integer(text.substr(slash + 1), what);
    if (den == 0) throw std::invalid_argument(what + ": zero denominator");
    mpq_class q(parse_integer(text.substr(0, slash), what), den);
    q.canonicalize();
    return q;
  }
  const auto dot = text.find('.');
  if (dot == std::string::npos) return mpq_class(parse_integer(text, what));
  const std::string whole = text.substr(0, dot), frac = text.substr(dot + 1);
  const bool negative = !whole.empty() && whole[0] == '-';
  if (frac.empty() || frac[0] == '-' || frac[0] == '+')
    throw std::invalid_argument(what + ": '" + text + "' is not a number");
  mpz_class scale;
  mpz_ui_pow_ui(scale.get_mpz_t(), 10, frac.size());
  mpq_class q(parse_integer((negative ? whole.substr(1) : whole) + frac, what), scale);
  q.canonicalize();
  return negative ? mpq_class(-q) : q;
}

std::vector<bool> to_bits(const mpz_class& v, int width) {
  std::vector<bool> bits;
  for (int i = 0; i < width; ++i) bits.push_back(mpz_tstbit(v.get_mpz_t(), i));
  return bits;
}

std::vector<bool> float_bits(const Word& word, const std::string& text) {
  const int p = word.decoding.p, e_bits = word.decoding.e;
  const std::string what = "input " + word.name;
  mpq_class value;
  if (const auto comma = text.find(','); comma != std::string::npos) {
    mpz_class m = parse_integer(text.substr(0, comma), what);
    mpz_class e = parse_integer(text.substr(comma + 1), what);
    // Checked before 2^e is built: any exponent the format can reach (|e| < 2^(E-1), E <= 25 in
    // the registry) plus the significand's own bits, with at least 2^20 of room, and no more, so
    // a typed 10^11 cannot exhaust memory.
    const long reach =
        (1L << std::max(e_bits, 20)) + static_cast<long>(mpz_sizeinbase(m.get_mpz_t(), 2));
    if (!e.fits_slong_p() || e > reach || e < -reach)
      throw std::invalid_argument(what + ": exponent " + text.substr(comma + 1) +
                                  " is out of range");
    const long ev = e.get_si();
    value = mpq_class(m);
    if (ev >= 0)
      value *= mpq_class(mpz_class(1) << ev);
    else
      value /= mpq_class(mpz_class(1) << -ev);
  } else {
    value = parse_rational(text, what);
  }
  const long emin = -(1L << (e_bits - 1)), emax = (1L << (e_bits - 1)) - 1;
  std::vector<bool> bits(static_cast<size_t>(p + e_bits + 1), false);
  if (value == 0) return bits;  // the canonical zero
  const bool negative = value < 0;
  mpq_class a = abs(value);
  // Find e with a / 2^e in [2^(p-1), 2^p); the value is representable iff that is an integer.
  long e = static_cast<long>(mpz_sizeinbase(a.get_num_mpz_t(), 2)) -
           static_cast<long>(mpz_sizeinbase(a.get_den_mpz_t(), 2)) - p;
  mpq_class lo(mpz_class(1) << (p - 1)), hi(mpz_class(1) << p);
  auto scaled = [&](long k) {
    mpq_class s = a;
    if (k >= 0)
      s /= mpq_class(mpz_class(1) << k);
    else
      s *= mpq_class(mpz_class(1) << -k);
    return s;
  };
  while (scaled(e) >= hi) ++e;
  while (scaled(e) < lo) --e;
  mpq_class m = scaled(e);
  if (m.get_den() != 1)
    throw std::invalid_argument(what + ": " + text + " is not a " + std::to_string(p) +
                                "-bit float (its significand would need more bits)");
  if (e < emin || e > emax)
    throw std::invalid_argument(what + ": " + text + " needs exponent " + std::to_string(e) +
                                ", outside [" + std::to_string(emin) + ", " + std::to_string(emax) +
                                "]");
  std::vector<bool> mb = to_bits(m.get_num(), p);
  std::vector<bool> eb =
      to_bits(mpz_class(e < 0 ? (mpz_class(1) << e_bits) + e : mpz_class(e)), e_bits);
  std::copy(mb.begin(), mb.end(), bits.begin());
  std::copy(eb.begin(), eb.end(), bits.begin() + p);
  bits.back() = negative;
  return bits;
}

}  // namespace

mpq_class parse_exact_value(const std::string& text, const std::string& what) {
  return parse_rational(text, what);
}

std::vector<bool> parse_word_value(const Word& word, const std::string& text) {
  const int width = static_cast<int>(word.bits.size());
  const std::string what = "input " + word.name;
  switch (word.decoding.kind) {
    case Decoding::Kind::Float:
      return float_bits(word, text);
    case Decoding::Kind::Bool:
    case Decoding::Kind::Unsigned: {
      mpz_class v = (text == "true") ? 1 : (text == "false") ? 0 : parse_integer(text, what);
      if (v < 0 || v >= (mpz_class(1) << width))
        throw std::invalid_argument(what + ": " + text + " does not fit " + std::to_string(width) +
                                    " unsigned bits");
      return to_bits(v, width);
    }
    case Decoding::Kind::Signed: {
      mpz_class v = parse_integer(text, what);
      mpz_class half = mpz_class(1) << (width - 1);
      if (v < -half || v >= half)
        throw std::invalid_argument(what + ": " + text + " does not fit " + std::to_string(width) +
                                    " signed bits");
      if (v < 0) v += mpz_class(1) << width;
      return to_bits(v, width);
    }
  }
  throw std::invalid_argument(what + ": unknown decoding");
}

}  // namespace tc
