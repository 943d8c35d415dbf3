// Deliberate mistakes shared by the mutants of the integer components (int-add, int-iadd,
// int-mul). A mutant is a construction with one realistic error; the verifier must refute it.
//
// The mistakes here are variants of the telescoping sum of int_arith.hpp, written out beside the
// correct blocks rather than as switches inside them, so the blocks carry no mutant code.
#pragma once

#include <string>
#include <vector>

#include "circuits/int_arith.hpp"

namespace tc {

// int_bit_of_sum with the sign of the last telescoping term flipped (the alternation is off by
// one at its end): wrong exactly when S reaches the last multiple of 2^k.
Signal int_bit_of_sum_last_sign_flipped(Circuit& circuit, const WeightedSum& sum, int k);
// int_add_columns with every result bit built by int_bit_of_sum_last_sign_flipped.
Bits int_add_columns_last_sign_flipped(Circuit& circuit, const Columns& columns);

// Throws std::invalid_argument naming the component and the unknown mutant.
[[noreturn]] void int_unknown_mutant(const std::string& component, const std::string& mutant);

}  // namespace tc
