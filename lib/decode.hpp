// Reading words as numbers: the decodings used to print counterexamples and evaluations.
#pragma once

#include <gmpxx.h>

#include <string>
#include <vector>

#include "lib/circuit.hpp"
#include "lib/float_word.hpp"

namespace tc {

mpz_class decode_unsigned(const std::vector<bool>& bits);
mpz_class decode_signed(const std::vector<bool>& bits);
// The exact value of a float (float words decode with float_from_bits in lib/float_word.hpp).
mpq_class float_value(FloatValue v);

// Human-readable: "201", "-3", "true", "-11 * 2^-6 (-1.375 * 2^-3 = -0.171875)".
std::string format_word(const Decoding& d, const std::vector<bool>& bits);
// Exact decimal expansion of a dyadic rational (numbers with power-of-two denominators).
std::string format_dyadic(const mpq_class& q);

// The bits of one word out of a whole-circuit assignment.
std::vector<bool> word_bits(const Circuit& circuit, const Word& word,
                            const std::vector<bool>& input);

}  // namespace tc
