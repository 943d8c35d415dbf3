// Any function of a short unsigned word, in depth 2: a thermometer, then one telescoping gate per
// output bit (REFERENCE.md section 3, "telescoping").
//
// For a word w of n bits the thermometer is the 2^n - 1 nested gates [w >= v], v = 1 .. 2^n - 1
// (depth 1, weights 2^j). Any Boolean function f(w) is then one gate over the steps where f
// changes (fb_select_by_steps), with extra conditions folded into that gate. Used for the rounded
// Taylor terms of log and exp, which depend only on the short reduced argument.
// Cost: 2^n first-layer gates shared by all outputs, and fan-in up to 2^n per output bit, so the
// size is exponential in n: callers with n growing in p must say so in their size_note.
// Function names share the prefix swf_. Words are least significant bit first.
#pragma once

#include <cstdint>
#include <vector>

#include "lib/circuit.hpp"

namespace tc {

struct ShortWord {
  Bits word;   // the argument w, n bits, unsigned
  Bits steps;  // steps[v - 1] = [w >= v] for v = 1 .. 2^n - 1 (nested)
};

// The thermometer of `word` (n <= 20 bits). Depth 1.
ShortWord swf_thermometer(Circuit& circuit, const Bits& word);

// table[w] AND every condition (table.size() == 2^n). Depth: one gate above the steps and the
// conditions.
Signal swf_predicate(Circuit& circuit, const ShortWord& w, const std::vector<bool>& table,
                     const Bits& conditions = {});

// The low `width` bits (two's complement) of table[w], each ANDed with every condition
// (table.size() == 2^n, width <= 63). Depth: one gate above the steps and the conditions.
Bits swf_function(Circuit& circuit, const ShortWord& w, const std::vector<int64_t>& table,
                  int width, const Bits& conditions = {});

}  // namespace tc
