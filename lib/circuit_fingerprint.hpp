// A circuit's structure as text: equal texts are equal circuits (inputs, every node with its
// fanins, weights and threshold, outputs, constraints), so a proof about one circuit holds for
// every circuit with the same fingerprint. The cache key of block proofs
// (lib/sat/cut_sharing.cpp, lib/sat/compositional.cpp).
#pragma once

#include <string>

#include "lib/circuit.hpp"

namespace tc {

std::string circuit_fingerprint(const Circuit& c);

}  // namespace tc
