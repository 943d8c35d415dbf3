// The float word: layout, validity constraint and integer conversions (see float_word.hpp).
//
// The layout follows Decoding::floating (lib/circuit.hpp) so counterexamples print through
// lib/decode.cpp unchanged. The validity predicate is a single threshold gate because float
// constructions share it and must stay threshold-only; float_from_bits decodes any word, valid
// or not, so tests can also look at what an invalid encoding would mean.
#include "lib/float_word.hpp"

#include <algorithm>
#include <stdexcept>

namespace tc {

FloatFormat float_format(const Params& params) {
  FloatFormat f{params.p, params.exponent_bits()};
  check_float_format(f);
  return f;
}

Params float_params(FloatFormat f) {
  Params params;
  params.p = f.p;
  params.e = f.e;
  return params;
}

void check_float_format(FloatFormat f) {
  if (f.p < 2 || f.p > 62)
    throw std::invalid_argument("float format: p = " + std::to_string(f.p) + " is outside [2, 62]");
  if (f.e < 2 || f.e > kFloatMaxExponentBits)
    throw std::invalid_argument("float format: e = " + std::to_string(f.e) + " is outside [2, " +
                                std::to_string(kFloatMaxExponentBits) + "]");
}

Decoding float_decoding(FloatFormat f) { return Decoding::floating(f.p, f.e); }

// --- words in a circuit ------------------------------------------------------------------------

Signal all_zero_or_normalized(Circuit& circuit, const std::vector<Bits>& magnitudes) {
  std::vector<Signal> each;
  for (const Bits& m : magnitudes)
    each.push_back(circuit.create_or(m.back(), !circuit.create_or(Bits(m.begin(), m.end() - 1))));
  return circuit.create_and(each);
}

Signal float_valid(Circuit& circuit, const Bits& word, FloatFormat f) {
  if (static_cast<int>(word.size()) != f.width())
    throw std::invalid_argument("float_valid: word has " + std::to_string(word.size()) +
                                " bits, format needs " + std::to_string(f.width()));
  // n * lead + sum over the other n bits of !bit >= n: the leading one alone suffices, and
  // without it every other bit must be 0. One gate, so constructions may share it.
  const Signal lead = word[f.p - 1];
  const int64_t n = f.width() - 1;
  std::vector<Signal> fanins{lead};
  std::vector<int64_t> weights{n};
  for (int i = 0; i < f.width(); ++i) {
    if (i == f.p - 1) continue;
    fanins.push_back(!word[i]);
    weights.push_back(1);
  }
  return circuit.create_threshold(fanins, weights, n);
}

Bits add_float_input(Circuit& circuit, const std::string& name, FloatFormat f) {
  check_float_format(f);
  Bits word = circuit.add_input_word(name, f.width(), float_decoding(f));
  circuit.add_constraint(float_valid(circuit, word, f));
  return word;
}

void add_float_output(Circuit& circuit, const std::string& name, const Bits& word, FloatFormat f) {
  if (static_cast<int>(word.size()) != f.width())
    throw std::invalid_argument("float output '" + name + "' has " + std::to_string(word.size()) +
                                " bits, format needs " + std::to_string(f.width()));
  circuit.add_output_word(name, word, float_decoding(f));
}

FloatBits split_float(const Bits& word, FloatFormat f) {
  if (static_cast<int>(word.size()) != f.width())
    throw std::invalid_argument("split_float: word has " + std::to_string(word.size()) +
                                " bits, format needs " + std::to_string(f.width()));
  FloatBits fields;
  fields.magnitude.assign(word.begin(), word.begin() + f.p);
  fields.exponent.assign(word.begin() + f.p, word.begin() + f.p + f.e);
  fields.sign = word.back();
  return fields;
}

Bits join_float(const FloatBits& fields) {
  Bits word = fields.magnitude;
  word.insert(word.end(), fields.exponent.begin(), fields.exponent.end());
  word.push_back(fields.sign);
  return word;
}

// --- plain integers ----------------------------------------------------------------------------

bool float_is_valid(FloatValue v, FloatFormat f) {
  if (v.magnitude == 0) return !v.negative && v.exponent == 0;
  return v.magnitude >> (f.p - 1) == 1 && v.exponent >= f.emin() && v.exponent <= f.emax();
}

std::vector<bool> float_to_bits(FloatValue v, FloatFormat f) {
  if (v.magnitude >> f.p)
    throw std::invalid_argument("float_to_bits: magnitude " + std::to_string(v.magnitude) +
                                " needs more than p = " + std::to_string(f.p) + " bits");
  if (v.exponent < f.emin() || v.exponent > f.emax())
    throw std::invalid_argument("float_to_bits: exponent " + std::to_string(v.exponent) +
                                " needs more than e = " + std::to_string(f.e) + " bits");
  std::vector<bool> bits;
  for (int i = 0; i < f.p; ++i) bits.push_back((v.magnitude >> i) & 1);
  const uint64_t exponent = static_cast<uint64_t>(v.exponent);  // two's complement
  for (int i = 0; i < f.e; ++i) bits.push_back((exponent >> i) & 1);
  bits.push_back(v.negative);
  return bits;
}

FloatValue float_from_bits(const std::vector<bool>& bits, FloatFormat f) {
  if (static_cast<int>(bits.size()) != f.width())
    throw std::invalid_argument("float_from_bits: " + std::to_string(bits.size()) +
                                " bits, format needs " + std::to_string(f.width()));
  FloatValue v;
  for (int i = 0; i < f.p; ++i) v.magnitude |= uint64_t{bits[i]} << i;
  uint64_t exponent = 0;
  for (int i = 0; i < f.e; ++i) exponent |= uint64_t{bits[f.p + i]} << i;
  if (bits[f.p + f.e - 1]) exponent |= ~uint64_t{0} << f.e;  // sign-extend
  v.exponent = static_cast<int64_t>(exponent);
  v.negative = bits.back();
  return v;
}

void set_float_input(const Circuit& circuit, Assignment& input, const std::string& word,
                     FloatValue v, FloatFormat f) {
  const Word& w = circuit.input_word(word);
  if (static_cast<int>(w.bits.size()) != f.width())
    throw std::invalid_argument("input word '" + word + "' is not a float word of this format");
  const auto& nodes = circuit.input_nodes();
  input.resize(nodes.size());
  const std::vector<bool> bits = float_to_bits(v, f);
  for (size_t i = 0; i < bits.size(); ++i) {
    auto it = std::find(nodes.begin(), nodes.end(), w.bits[i].node());
    input[static_cast<size_t>(it - nodes.begin())] = bits[i] != w.bits[i].complemented();
  }
}

std::string float_to_string(FloatValue v) {
  std::string s = v.negative ? "-" : "";
  s += std::to_string(v.magnitude);
  s += " * 2^";
  s += std::to_string(v.exponent);
  return s;
}

}  // namespace tc
