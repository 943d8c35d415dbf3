// Checks an integer circuit against plain integer arithmetic by bit-parallel simulation, for the
// tests of the integer blocks (circuits/) and of the integer specs (specs/).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "lib/circuit.hpp"

namespace tc::test {

using Values = std::vector<uint64_t>;  // one number per word, in declaration order

// Evaluates `circuit` 64 assignments at a time: every assignment when random_rounds is 0 (at most
// 26 input bits), else random_rounds rounds of 64 random ones. Returns the first output that
// differs from expected(input word values), described, or "".
std::string first_mismatch(const Circuit& circuit,
                           const std::function<Values(const Values&)>& expected,
                           uint64_t random_rounds = 0);

// The oracle of product circuits: one output word, the product of the input words (mod 2^64).
Values product_of(const Values& words);

}  // namespace tc::test
