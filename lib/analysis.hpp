// Size and depth of a circuit, measured on a Boost.Graph view of the gates that feed its outputs.
//
// Depth counts threshold layers: inputs and constants are at depth 0, each gate one more than its
// deepest fanin; complemented wires are free (a weight sign). Gates that only feed input
// constraints are not part of the computation and are not counted.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "lib/circuit.hpp"

namespace tc {

struct CircuitStats {
  size_t gates = 0;  // threshold and xor gates in the output cone
  size_t threshold_gates = 0;
  size_t xor_gates = 0;       // non-threshold gates (specs only)
  size_t and_gates = 0;       // threshold gates that are plain AND
  size_t or_gates = 0;        // threshold gates that are plain OR
  size_t majority_gates = 0;  // unit weights, threshold strictly between
  size_t weighted_gates = 0;  // any other threshold gate
  size_t wires = 0;           // total fan-in
  size_t max_fanin = 0;
  int64_t max_weight = 0;         // max |weight| over all gates (normalized form)
  int depth = 0;                  // threshold layers on the longest input-output path
  std::vector<int> output_depth;  // per output word
};

CircuitStats analyze(const Circuit& circuit);

// Depth of every node (index = node); gates outside the output cone get depth -1.
std::vector<int> node_depths(const Circuit& circuit);

}  // namespace tc
