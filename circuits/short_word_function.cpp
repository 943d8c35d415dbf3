// Functions of a short word by thermometer and telescoping (see short_word_function.hpp).
#include "circuits/short_word_function.hpp"

#include <cassert>
#include <stdexcept>

#include "circuits/float_blocks.hpp"
#include "circuits/int_arith.hpp"

namespace tc {

ShortWord swf_thermometer(Circuit& circuit, const Bits& word) {
  if (word.empty() || word.size() > 20)
    throw std::invalid_argument("swf_thermometer: the word must have 1..20 bits");
  ShortWord w;
  w.word = word;
  WeightedSum sum;
  for (size_t j = 0; j < word.size(); ++j) sum.add_term(word[j], int64_t{1} << j);
  const int64_t values = int64_t{1} << word.size();
  for (int64_t v = 1; v < values; ++v) w.steps.push_back(int_at_least(circuit, sum, v));
  return w;
}

Signal swf_predicate(Circuit& circuit, const ShortWord& w, const std::vector<bool>& table,
                     const Bits& conditions) {
  if (table.size() != w.steps.size() + 1)
    throw std::invalid_argument("swf_predicate: the table needs one entry per word value");
  return fb_select_by_steps(circuit, w.steps, table, conditions);
}

Bits swf_function(Circuit& circuit, const ShortWord& w, const std::vector<int64_t>& table,
                  int width, const Bits& conditions) {
  if (table.size() != w.steps.size() + 1)
    throw std::invalid_argument("swf_function: the table needs one entry per word value");
  assert(width >= 1 && width <= 63);
  Bits out;
  std::vector<bool> bit_table(table.size());
  for (int b = 0; b < width; ++b) {
    // Bit b of the two's complement value (arithmetic shift keeps the sign bits).
    for (size_t v = 0; v < table.size(); ++v) bit_table[v] = (table[v] >> b) & 1;
    out.push_back(fb_select_by_steps(circuit, w.steps, bit_table, conditions));
  }
  return out;
}

}  // namespace tc
