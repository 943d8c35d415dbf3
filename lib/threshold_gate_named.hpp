// A gate past a forced encoding's size limit, named. The encoders see only a gate's terms, so the
// circuit encoders (CNF, AIGER) rethrow their size-limit errors with the gate's place in front:
// the one-line error then says which gate grew, under which encoding, and how large it is.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>

#include "lib/circuit.hpp"
#include "lib/threshold_bdd.hpp"
#include "lib/threshold_totalizer.hpp"

namespace tc {

// "gate 1234 of 'miter' (largest weight 536871105, threshold 4567)".
inline std::string threshold_gate_place(const Circuit& circuit, uint32_t node) {
  const Node& gate = circuit.node(node);
  const int64_t largest =
      gate.weights.empty() ? 0 : *std::max_element(gate.weights.begin(), gate.weights.end());
  return "gate " + std::to_string(node) + " of '" + circuit.name() + "' (largest weight " +
         std::to_string(largest) + ", threshold " + std::to_string(gate.threshold) + ")";
}

// encode(), with a size-limit error of gate `node` of `circuit` rethrown naming the gate.
template <class Encode>
auto encode_naming_gate(const Circuit& circuit, uint32_t node, Encode&& encode) {
  try {
    return encode();
  } catch (const ThresholdBddTooLarge& e) {
    throw ThresholdBddTooLarge(threshold_gate_place(circuit, node) + ": " + e.what());
  } catch (const ThresholdTotalizerTooLarge& e) {
    throw ThresholdTotalizerTooLarge(threshold_gate_place(circuit, node) + ": " + e.what());
  }
}

}  // namespace tc
