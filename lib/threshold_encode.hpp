// The encoding of one threshold gate [sum_i w_i x_i >= T] into a GateSink, chosen per gate: the
// interval BDD (lib/threshold_bdd.hpp), the adder network with a comparator
// (lib/threshold_adder.hpp) or the totalizer, a unary counter for small weights
// (lib/threshold_totalizer.hpp). One implementation for the CNF of a miter (lib/cnf/threshold.cpp)
// and the AIGER export (lib/export/aiger.cpp), so both make the same choice.
//
// As MiniSat+ does (Een and Sorensson 2006), each encoding's size is estimated before anything is
// built, and the smallest is taken, except that the BDD and the totalizer, which are propagation
// complete, are taken up to a few times the adder's size (the adder is not; threshold_encode.cpp
// gives the factor and its measurements). Between the two, the smaller; the BDD on a tie.
// The estimates count what this gate adds to the sink given
// what earlier gates left there: the BDD's nodes not yet in the cache (a trial run,
// threshold_bdd_try, which writes the BDD when it is taken), and for the adder its comparator plus,
// while the sum is not yet built, the sum's share among the gates still to come over the same
// weighted inputs. That sharing is what makes adders pay in the elementary functions: exp at p = 4
// has 621 gates of fan-in over 20 but only 111 distinct weighted sums (the gates are [S >= T_k] for
// a few sums S and many T_k). A totalizer is charged in full to the gate that builds it (counted up
// to its own T): a later gate over the same sum at a threshold no larger reads its digit off it for
// free, but the estimate does not count on that, because the BDDs of those gates share their nodes
// too.
#pragma once

#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include "lib/gate_sink.hpp"
#include "lib/threshold_bdd.hpp"
#include "lib/threshold_totalizer.hpp"

namespace tc {

enum class ThresholdMethod {
  Auto,       // by the estimates above
  Bdd,        // always the BDD (throws ThresholdBddTooLarge past its node budget)
  Adder,      // always the adder network
  Totalizer,  // always the totalizer (throws ThresholdTotalizerTooLarge past its size limit)
};

// What a gate asked to be encoded Auto gets, for the whole process: Auto (the default) keeps the
// per-gate choice; Bdd, Adder or Totalizer gives every such gate that encoding, in CNF and AIGER
// alike, so the encodings can be compared on whole components (verify --encoding,
// bench/encodings.sh). Gates the CNF encodes as plain or direct clauses (lib/cnf/threshold.hpp) are
// not affected. Set it before any encoding starts.
void set_threshold_method_for_auto(ThresholdMethod method);
ThresholdMethod threshold_method_for_auto();

struct ThresholdEncodeStats {
  int64_t bdd_gates = 0;         // gates encoded as BDDs
  int64_t adder_gates = 0;       // gates encoded as comparators on an adder network's sum
  int64_t adder_sums = 0;        // distinct sums built, shared by the adder gates
  int64_t totalizer_gates = 0;   // gates encoded as a digit of a totalizer's unary count
  int64_t totalizer_counts = 0;  // counters built, shared by the totalizer gates
};

// What the gates written into one sink share: BDD nodes, adder sums and totalizer counters. Like
// ThresholdBddCache, it must only ever serve one sink.
class ThresholdSharing {
 public:
  // Announces a gate that will be encoded later, so the estimate can spread its sum's cost over
  // all the gates that will use it. Optional: without it each sum is charged in full.
  void expect(const std::vector<ThresholdTerm>& terms);

  ThresholdBddCache bdd;       // BDD nodes, shared between gates
  ThresholdEncodeStats stats;  // what the gates got so far

 private:
  friend SinkLit threshold_encode(GateSink&, ThresholdSharing&, const std::vector<ThresholdTerm>&,
                                  int64_t, ThresholdMethod, int64_t);
  using SumKey = std::vector<std::pair<SinkLit, int64_t>>;  // sorted (literal, weight)
  struct Sum {
    std::vector<SinkLit> bits;   // empty until built
    std::vector<SinkLit> count;  // the totalizer's unary digits, empty until built
    int64_t gates_to_come = 0;   // announced gates not yet encoded
  };
  static SumKey sum_key(const std::vector<ThresholdTerm>& terms);
  std::map<SumKey, Sum> sums_;
};

// Writes [sum terms >= T] into `sink` and returns its literal. Preconditions (asserted): weights
// >= 1, 1 <= T <= sum of the weights clipped to T, which is below 2^61. A BDD never gets more
// than max_bdd_nodes new nodes: Auto takes another encoding then, Bdd throws ThresholdBddTooLarge.
// Totalizer throws ThresholdTotalizerTooLarge past kThresholdTotalizerMaxPairs.
SinkLit threshold_encode(GateSink& sink, ThresholdSharing& sharing,
                         const std::vector<ThresholdTerm>& terms, int64_t T, ThresholdMethod method,
                         int64_t max_bdd_nodes);

}  // namespace tc
