// Reading words as numbers: the decodings used to print counterexamples and evaluations.
#pragma once

#include <gmpxx.h>

#include <string>
#include <vector>

#include "circuit.hpp"

namespace tc {

// A float word as integers: value = (negative ? -1 : 1) * magnitude * 2^exponent.
struct FloatFields {
  bool negative = false;
  mpz_class magnitude;
  long exponent = 0;
  bool valid = false;  // leading one set, or the canonical zero (all bits 0)
};

mpz_class decode_unsigned(const std::vector<bool>& bits);
mpz_class decode_signed(const std::vector<bool>& bits);
FloatFields decode_float(const Decoding& d, const std::vector<bool>& bits);
mpq_class float_value(const FloatFields& f);

// Human-readable: "201", "-3", "true", "-11 * 2^-6 (-1.375 * 2^-3 = -0.171875)".
std::string format_word(const Decoding& d, const std::vector<bool>& bits);
// Exact decimal expansion of a dyadic rational (numbers with power-of-two denominators).
std::string format_dyadic(const mpq_class& q);

// The bits of one word out of a whole-circuit assignment.
std::vector<bool> word_bits(const Circuit& circuit, const Word& word, const std::vector<bool>& input);

}  // namespace tc
