// Reading input values typed by a user (`verify eval --inputs a=13 x=-11,-6 y=0.375`) as the bits
// of an input word, according to the word's decoding.
#pragma once

#include <gmpxx.h>

#include <string>
#include <vector>

#include "lib/circuit.hpp"

namespace tc {

// Integers for unsigned/signed/bool words (range-checked); for float words either "m,e" (value
// m * 2^e, sign in m) or an exact decimal or fraction ("-0.171875", "3/8") that must be a value of
// the format. Throws std::invalid_argument with a one-line message otherwise.
std::vector<bool> parse_word_value(const Word& word, const std::string& text);

// An exact decimal or fraction ("1.375", "-3/8", "12"); `what` names the value in messages.
mpq_class parse_exact_value(const std::string& text, const std::string& what);

}  // namespace tc
