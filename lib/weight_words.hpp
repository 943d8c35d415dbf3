// Weights of an SSM layer as circuit words: circuit inputs, so that one proof covers every
// weight, or constants from Params::weights (verify --weights FILE), so that a proof covers one
// trained layer and its input space is only the activations.
//
// Both sides of a miter call weight_words in the same order, so construction and spec declare
// the same input words. A constant must be a value of the format (FloatConstant m * 2^e with at
// most p significant bits and an exponent in range); anything else is a usage error naming the
// field and the index, never silently rounded. Knows no component.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "lib/circuit.hpp"
#include "lib/component.hpp"
#include "lib/float_word.hpp"

namespace tc {

// c = m * 2^e as a float of format f; throws std::invalid_argument naming field[index] when it
// is not a value of f.
FloatValue weight_value(const FloatConstant& c, FloatFormat f, const std::string& field,
                        size_t index);
// The word of v with constant bits (kTrue / kFalse).
Bits constant_float_word(FloatValue v, FloatFormat f);
// The words `names` (row-major) of weight `field`: constants when Params::weights holds the
// field (exactly names.size() values), otherwise float inputs named names[i], declared now, in
// order.
std::vector<Bits> weight_words(Circuit& c, const Params& params, const std::string& field,
                               const std::vector<std::string>& names, FloatFormat f);
// Weight `field` as rows x cols words named field<i>_<j> (cols = 0: a vector of `rows` words
// named field<i>), row-major through weight_words, each recorded in `words` under its name.
void add_weight_field(Circuit& c, const Params& params, const std::string& field, int rows,
                      int cols, FloatFormat f, std::map<std::string, Bits>& words);
// The values of weight `field` when Params::weights holds it, else the input words' values:
// inputs[first], inputs[first + 1], ... (for reference evaluators, which see the input words).
// Advances `first` past the words it read.
std::vector<FloatValue> weight_values(const Params& params, const std::string& field, size_t count,
                                      const std::vector<std::vector<bool>>& inputs, size_t& first,
                                      FloatFormat f);

}  // namespace tc
