// Where a gate encoder writes its logic: the CNF of a miter (lib/cnf/threshold.cpp) or the
// and-inverter graph of an export (lib/export/aiger.cpp).
//
// An encoder of a threshold gate (the interval BDD of lib/threshold_bdd.hpp, the adder network of
// lib/threshold_adder.hpp, the totalizer of lib/threshold_totalizer.hpp, chosen per gate by
// lib/threshold_encode.hpp) asks the sink for
// constants and for new nodes over literals it was given or got back earlier, and never looks
// inside a literal. Each sink decides what a node costs: clauses over a fresh variable, or AND
// gates. Every operation folds constant operands, so an encoder may pass constants anywhere.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

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
  // The totalizer's unary adder. Given unary counts a[i] = [A >= i + 1] and b[j] = [B >= j + 1]
  // (each digit implies the one before it), returns r[k] = [A + B >= k + 1] for k < width, width
  // <= a.size() + b.size(). A sink may encode it directly (the CNF writes the totalizer's clauses,
  // which rely on the inputs being unary). This default is sound for any sink: per output, a chain
  // of monotone decisions on B's digits, [A + B >= m] = B >= 1 ? (B >= 2 ? ... : A >= m - 1) :
  // A >= m, about one node per pair of digits (i, j) with i + j = m.
  virtual std::vector<SinkLit> unary_add(const std::vector<SinkLit>& a,
                                         const std::vector<SinkLit>& b, size_t width) {
    const int64_t p = int64_t(a.size()), q = int64_t(b.size());
    auto digit_of_a = [&](int64_t i) {  // [A >= i]
      return i <= 0 ? constant(true) : i > p ? constant(false) : a[size_t(i - 1)];
    };
    std::vector<SinkLit> r;
    for (int64_t m = 1; m <= int64_t(width); ++m) {
      // g = [A + B >= m] given that B has reached j, from j = min(q, m) down to 0.
      int64_t j = std::min(q, m);
      SinkLit g = digit_of_a(m - j);
      while (j-- > 0) {
        const SinkLit lo = digit_of_a(m - j);
        g = g == lo ? g : monotone_ite(b[size_t(j)], g, lo);
      }
      r.push_back(g);
    }
    return r;
  }
};

}  // namespace tc
