// The p-bit float word shared by float specs and float constructions.
//
// Chiang's floats (REFERENCE.md section 1, "Transformers in Uniform TC^0", Def. 9) are pairs
// (m, e): a significand 2^(p-1) <= m < 2^p with an explicit leading one, or m = 0, and an
// exponent e in [-2^(E-1), 2^(E-1)) held in E bits of two's complement (E = p + 1 by default);
// the value is (-1)^sign * m * 2^e. There are no subnormals, infinities or NaNs. This file fixes
// the bit layout (Decoding::floating: magnitude LSB first in [0, p), exponent in [p, p + E), sign
// at bit p + E) and the one canonical zero: all bits 0. Every other encoding with a zero leading
// bit is invalid, and add_float_input records that as an input constraint (one threshold gate),
// so a SAT query never ranges over nonsense. FloatValue and the conversions below are the plain
// integer view used by the exact evaluator (specs/float_exact.hpp) and by tests.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "lib/circuit.hpp"
#include "lib/component.hpp"
#include "lib/simulate.hpp"

namespace tc {

struct FloatFormat {
  int p = 8;  // significand bits, leading one explicit
  int e = 9;  // exponent bits, two's complement

  int width() const { return p + e + 1; }
  int64_t emin() const { return -(int64_t{1} << (e - 1)); }
  int64_t emax() const { return (int64_t{1} << (e - 1)) - 1; }
  bool operator==(const FloatFormat&) const = default;
};

// The format a component's Params ask for: p, and Params::exponent_bits() (default p + 1).
FloatFormat float_format(const Params& params);
// Params asking for format f (p and an explicit e), the other fields at their defaults.
Params float_params(FloatFormat f);
// The widest exponent a format may have: the paper's e = p + 1 at p = 32, the size study's
// largest p; exponents stay below 2^32, so sums and products of a few of them fit int64_t.
constexpr int kFloatMaxExponentBits = 33;
// Throws std::invalid_argument unless 2 <= p <= 62 and 2 <= e <= kFloatMaxExponentBits
// (magnitudes fit uint64_t, exponents fit int64_t with room for the arithmetic on them).
void check_float_format(FloatFormat f);
Decoding float_decoding(FloatFormat f);

// --- words in a circuit ------------------------------------------------------------------------

struct FloatBits {
  Bits magnitude;  // p bits, LSB first
  Bits exponent;   // e bits, two's complement, LSB first
  Signal sign;     // 1: negative
};

// Declares input word `name` as a float and constrains it to valid encodings.
Bits add_float_input(Circuit& circuit, const std::string& name, FloatFormat f);
void add_float_output(Circuit& circuit, const std::string& name, const Bits& word, FloatFormat f);
// [leading magnitude bit set, or every bit 0], as one threshold gate.
Signal float_valid(Circuit& circuit, const Bits& word, FloatFormat f);

FloatBits split_float(const Bits& word, FloatFormat f);
Bits join_float(const FloatBits& fields);
// [every magnitude is zero or has its leading bit set]: what every valid float's significand is,
// the assumption under which the significand blocks of fmul, fdiv and fprod are claimed (their
// cut points), so that a block proof checks (2^(p-1) + 1)^n inputs instead of 2^(n p).
Signal all_zero_or_normalized(Circuit& circuit, const std::vector<Bits>& magnitudes);

// --- plain integers ----------------------------------------------------------------------------

// value = (negative ? -1 : 1) * magnitude * 2^exponent; the canonical zero is {false, 0, 0}.
struct FloatValue {
  bool negative = false;
  uint64_t magnitude = 0;
  int64_t exponent = 0;
  bool operator==(const FloatValue&) const = default;
};

// True for the canonical zero and for normalized values with the exponent in range.
bool float_is_valid(FloatValue v, FloatFormat f);
// The word's bits, LSB first. Throws std::invalid_argument when a field does not fit its bits
// (validity is not required, so tests can build invalid encodings on purpose).
std::vector<bool> float_to_bits(FloatValue v, FloatFormat f);
// The fields of a word, valid or not.
FloatValue float_from_bits(const std::vector<bool>& bits, FloatFormat f);
// Sets the bits of input word `word` inside a whole-circuit assignment.
void set_float_input(const Circuit& circuit, Assignment& input, const std::string& word,
                     FloatValue v, FloatFormat f);
// "-11 * 2^-6" style, for messages.
std::string float_to_string(FloatValue v);

}  // namespace tc
