// Where a gate encoder writes its logic: the CNF of a miter (lib/cnf/threshold.cpp) or the
// and-inverter graph of an export (lib/export/aiger.cpp).
//
// An encoder of a threshold gate (the interval BDD of lib/threshold_bdd.hpp, the adder network of
// lib/threshold_adder.hpp, chosen per gate by lib/threshold_encode.hpp) asks the sink for
// constants and for new nodes over literals it was given or got back earlier, and never looks
// inside a literal. Each sink decides what a node costs: clauses over a fresh variable, or AND
// gates. Every operation folds constant operands, so an encoder may pass constants anywhere.
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
  // The arithmetic of an adder network.
  virtual SinkLit negate(SinkLit x) = 0;
  virtual SinkLit and2(SinkLit a, SinkLit b) = 0;
  virtual SinkLit xor2(SinkLit a, SinkLit b) = 0;
  // The carry of a full adder; a sink may encode it directly (6 clauses rather than 4 ANDs).
  virtual SinkLit majority3(SinkLit a, SinkLit b, SinkLit c) {
    return or2(and2(a, b), and2(c, or2(a, b)));
  }
  SinkLit or2(SinkLit a, SinkLit b) { return negate(and2(negate(a), negate(b))); }
};

}  // namespace tc
