// Weights as circuit words (see weight_words.hpp).
#include "lib/weight_words.hpp"

#include <fmt/core.h>

#include <cstdlib>
#include <stdexcept>

namespace tc {

FloatValue weight_value(const FloatConstant& c, FloatFormat f, const std::string& field,
                        size_t index) {
  auto refuse = [&](const std::string& why) {
    // The value in lowest terms (an odd significand), as a user would write it.
    int64_t m = c.m, e = c.e;
    while (m != 0 && m % 2 == 0 && e < INT64_MAX) m /= 2, ++e;
    throw std::invalid_argument("weights: " + field + "[" + std::to_string(index) +
                                "] = " + std::to_string(m) + " * 2^" + std::to_string(e) +
                                " is not a float with p = " + std::to_string(f.p) +
                                ", E = " + std::to_string(f.e) + ": " + why);
  };
  if (c.m == 0) return {};
  if (c.m == INT64_MIN) refuse("significand out of range");
  uint64_t m = static_cast<uint64_t>(std::llabs(c.m));
  int64_t e = c.e;
  // Normalize to exactly p bits: drop trailing zeros only (exact), or shift left.
  int bits = 64 - __builtin_clzll(m);
  while (bits > f.p) {
    if (m & 1) refuse("more than p significant bits");
    m >>= 1, ++e, --bits;
  }
  if (e < INT64_MIN / 2 || e > INT64_MAX / 2) refuse("exponent out of range");
  m <<= (f.p - bits);
  e -= f.p - bits;
  const FloatValue v{c.m < 0, m, e};
  if (!float_is_valid(v, f)) refuse("exponent out of range");
  return v;
}

Bits constant_float_word(FloatValue v, FloatFormat f) {
  Bits word;
  for (bool b : float_to_bits(v, f)) word.push_back(b ? kTrue : kFalse);
  return word;
}

std::vector<Bits> weight_words(Circuit& c, const Params& params, const std::string& field,
                               const std::vector<std::string>& names, FloatFormat f) {
  std::vector<Bits> words;
  if (const std::vector<FloatConstant>* values = params.weight(field, names.size())) {
    for (size_t i = 0; i < names.size(); ++i)
      words.push_back(constant_float_word(weight_value((*values)[i], f, field, i), f));
  } else {
    for (const std::string& name : names) words.push_back(add_float_input(c, name, f));
  }
  return words;
}

void add_weight_field(Circuit& c, const Params& params, const std::string& field, int rows,
                      int cols, FloatFormat f, std::map<std::string, Bits>& words) {
  std::vector<std::string> names;
  for (int i = 0; i < rows; ++i) {
    if (cols == 0) names.push_back(fmt::format("{}{}", field, i));
    for (int j = 0; j < cols; ++j) names.push_back(fmt::format("{}{}_{}", field, i, j));
  }
  const std::vector<Bits> bits = weight_words(c, params, field, names, f);
  for (size_t i = 0; i < names.size(); ++i) words[names[i]] = bits[i];
}

std::vector<FloatValue> weight_values(const Params& params, const std::string& field, size_t count,
                                      const std::vector<std::vector<bool>>& inputs, size_t& first,
                                      FloatFormat f) {
  std::vector<FloatValue> values;
  if (const std::vector<FloatConstant>* constants = params.weight(field, count)) {
    for (size_t i = 0; i < count; ++i) values.push_back(weight_value((*constants)[i], f, field, i));
  } else {
    for (size_t i = 0; i < count; ++i) values.push_back(float_from_bits(inputs.at(first++), f));
  }
  return values;
}

}  // namespace tc
