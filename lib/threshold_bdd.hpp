// The reduced ordered BDD of a threshold gate [sum_i w_i x_i >= T] (positive weights), written
// into a GateSink (lib/gate_sink.hpp): one builder for the CNF and the AIGER encodings.
//
// Built with the interval technique of Abio, Nieuwenhuis, Oliveras and Rodriguez-Carbonell
// ("BDDs for pseudo-Boolean constraints revisited", SAT 2011): the node for inputs i..n-1 and
// residual threshold K also carries the maximal interval [beta, gamma] of residual thresholds
// giving the same function, so later requests hit the memo by interval lookup rather than per
// value; this keeps weights like 2^i or many equal weights polynomial.
//
// One variable order for every sink (threshold_bdd_order): decreasing weight, equal weights in
// the order the caller lists them. A circuit gate lists its fanins in its normal form's order
// (increasing literal, lib/circuit.hpp), so the CNF and the AIG of a gate are the same BDD.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <tuple>
#include <vector>

#include "lib/gate_sink.hpp"

namespace tc {

struct ThresholdTerm {
  SinkLit lit;
  int64_t weight;
};

// The terms in the BDD's variable order, weights clipped to T (the same function).
std::vector<ThresholdTerm> threshold_bdd_order(std::vector<ThresholdTerm> terms, int64_t T);

// Nodes shared between the gates written into one sink. A node stands for
// [sum over a suffix of (literal, weight) pairs >= K]; that function does not depend on the gate
// it was built for, so gates over the same weighted inputs with different thresholds (the first
// layer of a telescoping sum), or over sums with a common low-weight tail, reuse each other's
// nodes. Measured on CNF: the 8-bit multiplier miter shrinks from 23644 to 1173 variables and
// solves about 5x faster.
class ThresholdBddCache {
 public:
  // Id of the suffix (literal, weight) followed by the suffix with id `rest` (0: empty).
  int suffix_id(int rest, SinkLit x, int64_t w);
  struct Entry {
    int64_t gamma;  // the interval [beta, gamma] of residual thresholds with this function
    SinkLit node;   // its literal in the sink
  };
  std::map<int64_t, Entry>& memo(int suffix) { return memo_[static_cast<size_t>(suffix)]; }

 private:
  std::map<std::tuple<int, SinkLit, int64_t>, int> suffix_ids_;
  std::vector<std::map<int64_t, Entry>> memo_{1};  // per suffix id: beta -> entry
};

// Thrown when one gate would add more BDD nodes than its budget: ROBDDs of general
// pseudo-Boolean constraints can be exponential (e.g. many random large weights).
class ThresholdBddTooLarge : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The builder recurses once per input, so a gate of more inputs than this gets no BDD (the adder
// network serves it): the tabulated log's 24,575-input gates at p = 16 overflowed the stack.
inline constexpr size_t kMaxThresholdBddFanin = 4096;

// Writes the BDD of [sum terms >= T] into `sink`, reusing and extending `cache` (which must only
// ever serve this sink), and returns the root's literal. Preconditions (asserted): weights >= 1,
// 1 <= T <= sum of the weights clipped to T, which is below 2^61. Throws ThresholdBddTooLarge
// for more than kMaxThresholdBddFanin terms, or once the gate needs more than `max_new_nodes`
// nodes not in the cache; the nodes already written
// stay (each is defined by its children, so they constrain nothing but themselves).
SinkLit threshold_bdd_build(GateSink& sink, ThresholdBddCache& cache,
                            const std::vector<ThresholdTerm>& terms, int64_t T,
                            int64_t max_new_nodes);

// How many nodes threshold_bdd_build would add to `cache` for this gate (the nodes it already
// holds are free), counting no further than max_new_nodes + 1 (which it also returns beyond
// kMaxThresholdBddFanin terms). Writes nothing into the sink and
// leaves the cache as it was: the estimate by which lib/threshold_encode.hpp chooses an encoding.
int64_t threshold_bdd_count(GateSink& sink, ThresholdBddCache& cache,
                            const std::vector<ThresholdTerm>& terms, int64_t T,
                            int64_t max_new_nodes);

// threshold_bdd_count and threshold_bdd_build in one run: the BDD's root, written as
// threshold_bdd_build writes it, when the gate needs at most max_new_nodes new nodes; otherwise
// nothing written, the cache as it was, and nullopt. The trial's nodes are recorded and written
// once accepted, so a chosen BDD is built once, not counted and then built.
std::optional<SinkLit> threshold_bdd_try(GateSink& sink, ThresholdBddCache& cache,
                                         const std::vector<ThresholdTerm>& terms, int64_t T,
                                         int64_t max_new_nodes);

}  // namespace tc
