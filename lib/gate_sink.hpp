// Where a gate encoder writes its logic: the CNF of a miter (lib/cnf/threshold.cpp) or the
// and-inverter graph of an export (lib/export/aiger.cpp).
//
// An encoder of a threshold gate (today the interval BDD of lib/threshold_bdd.hpp; adder networks
// and other pseudo-Boolean encodings beside it) asks the sink for constants and for new nodes over
// literals it was given or got back earlier, and never looks inside a literal. Each sink decides
// what a node costs: clauses over a fresh variable, or AND gates.
#pragma once

#include <cstdint>

namespace tc {

// A sink's literal, opaque to the encoders: a DIMACS literal or an AIGER literal.
using SinkLit = int64_t;

class GateSink {
 public:
  virtual ~GateSink() = default;
  virtual SinkLit constant(bool value) = 0;
  // A new node n = x ? hi : lo for a monotone decision, lo -> hi (as in the BDD of a threshold
  // gate with positive weights). hi and lo differ and may be constants.
  virtual SinkLit monotone_ite(SinkLit x, SinkLit hi, SinkLit lo) = 0;
};

}  // namespace tc
