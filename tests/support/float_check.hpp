// Checking a float circuit against an oracle on many points, 64 at a time.
//
// The cross-checks of the float specs against specs/float_exact.hpp (and later of the float
// constructions against the same evaluator) all have one shape: generate input floats, run the
// bit-parallel tc::Simulator on 64 of them at once, compare every output word with what the
// oracle says. This file is that loop, plus readable reporting of the first mismatch. Every input
// word of the circuit must be a float word of the given format; generated inputs must be valid
// encodings, and a circuit constraint rejecting one counts as a mismatch.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "lib/circuit.hpp"
#include "lib/float_word.hpp"
#include "lib/random_float.hpp"

namespace tc {

// Fills `inputs` (one value per input word, in declaration order) for point `index`.
using FloatCaseGenerator = std::function<void(uint64_t index, std::vector<FloatValue>& inputs)>;
// The expected bits of every output word, in declaration order.
using FloatOracle = std::function<std::vector<std::vector<bool>>(const std::vector<FloatValue>&)>;

struct FloatCheckResult {
  uint64_t checked = 0;        // points simulated
  uint64_t mismatches = 0;     // points where some output word differs
  std::string first_mismatch;  // inputs, outputs got and expected; empty when none
};

FloatCheckResult float_check(const Circuit& circuit, FloatFormat f, uint64_t count,
                             const FloatCaseGenerator& next, const FloatOracle& oracle);

// The generators below keep a reference to `values`: it must outlive them.
// Points index -> (values[index / n], values[index % n]) for all n^2 pairs.
FloatCaseGenerator float_all_pairs(const std::vector<FloatValue>& values);
// Points index -> values[index].
FloatCaseGenerator float_all_singles(const std::vector<FloatValue>& values);

}  // namespace tc
