// The per-gate choice of a threshold gate's encoding (see threshold_encode.hpp).
//
// Sizes are compared in CNF clauses, the unit of the SAT route; the AIGER export makes the same
// choice (its AND counts are in roughly the same ratio: a BDD node is 4 clauses or 2 ANDs, a full
// adder 14 clauses or 10 ANDs), except for the totalizer, charged at its AIG ratio below.
#include "lib/threshold_encode.hpp"

#include <algorithm>
#include <atomic>
#include <cassert>

#include "lib/threshold_adder.hpp"
#include "lib/threshold_totalizer.hpp"

namespace tc {

namespace {

constexpr int64_t kClausesPerBddNode = 4;     // the monotone ITE (lib/cnf/threshold.cpp)
constexpr int64_t kClausesPerFullAdder = 14;  // two XORs (4 each) and a majority (6)
constexpr int64_t kClausesPerHalfAdder = 7;   // an XOR and an AND (3)
constexpr int64_t kClausesPerCompareBit = 3;  // an AND or an OR
// A totalizer's digit pair is 2 clauses but 2 ANDs, where a BDD node is 4 clauses or 2 ANDs: it is
// charged as in the AIG, the dearer of the two, so that one choice serves both sinks without
// growing either. Measured: charged 2 clauses, the totalizer took 395 of softplus's gates at p = 4
// and its AIG grew from 0.76 to 1.02 million ANDs (the CNF shrank 2%).
constexpr int64_t kClausesPerTotalizerPair = 4;

// How many times the adder's size a BDD may have and still be taken: the BDD is propagation
// complete and the adder is not, so equal sizes do not mean equal solving times. Measured with
// CaDiCaL (CPU seconds, --engine sat): int-mul at p = 8 takes 11.8 s at factor 1 (its first-layer
// gates share adder sums), 10.8 s at 4 and 2.4 s at 8, where it gets BDDs only, as before the
// adders came; exp at p = 4 takes 13 s at 1, 15 s at 2 and 20 s at 4 and 8 (hours before: its
// BDDs alone made 16 million clauses).
//
// The same factor serves the totalizer against the adder, for the same reason: its CNF is the
// totalizer's, whose unit propagation is complete for the gate too (tests/cnf/threshold.cpp checks
// every partial assignment of small weighted gates).
// Between the BDD and the totalizer no factor: both propagate, the smaller is taken.
constexpr int64_t kBddPreference = 8;

// Atomic: encodings may run on several threads, all after the command line set this.
std::atomic<ThresholdMethod> method_for_auto{ThresholdMethod::Auto};

}  // namespace

void set_threshold_method_for_auto(ThresholdMethod method) { method_for_auto = method; }

ThresholdMethod threshold_method_for_auto() { return method_for_auto; }

ThresholdSharing::SumKey ThresholdSharing::sum_key(const std::vector<ThresholdTerm>& terms) {
  SumKey key;
  key.reserve(terms.size());
  for (const ThresholdTerm& t : terms) key.push_back({t.lit, t.weight});
  std::sort(key.begin(), key.end());
  return key;
}

void ThresholdSharing::expect(const std::vector<ThresholdTerm>& terms) {
  ++sums_[sum_key(terms)].gates_to_come;
}

SinkLit threshold_encode(GateSink& sink, ThresholdSharing& sharing,
                         const std::vector<ThresholdTerm>& terms, int64_t T, ThresholdMethod method,
                         int64_t max_bdd_nodes) {
  ThresholdSharing::Sum& sum = sharing.sums_[ThresholdSharing::sum_key(terms)];
  const bool have_count = int64_t(sum.count.size()) >= T;  // a counter built for a larger T
  if (method == ThresholdMethod::Auto) method = method_for_auto;
  if (method == ThresholdMethod::Auto) {
    const ThresholdAdderSize size = threshold_adder_size(terms);
    int64_t adder_cost = kClausesPerCompareBit * size.sum_bits;
    if (sum.bits.empty()) {
      const int64_t sum_cost =
          kClausesPerFullAdder * size.full_adders + kClausesPerHalfAdder * size.half_adders;
      const int64_t users = std::max<int64_t>(1, sum.gates_to_come);
      adder_cost += (sum_cost + users - 1) / users;
    }
    // The most a propagation-complete encoding may cost; the totalizer is a candidate within it.
    const int64_t complete_limit = kBddPreference * adder_cost;
    int64_t totalizer_cost = complete_limit + 1;  // not a candidate
    if (have_count) {
      totalizer_cost = 0;
    } else {
      const ThresholdTotalizerSize tot = threshold_totalizer_size(terms, T);
      if (tot.pairs <= kThresholdTotalizerMaxPairs)
        totalizer_cost = kClausesPerTotalizerPair * tot.pairs;
    }
    const bool totalizer_fits = totalizer_cost <= complete_limit;
    const int64_t budget = std::min(
        max_bdd_nodes, (totalizer_fits ? totalizer_cost : complete_limit) / kClausesPerBddNode);
    // The BDD if it fits the budget (built in the same run that counts it), else the cheaper.
    if (const auto root = threshold_bdd_try(sink, sharing.bdd, terms, T, budget)) {
      if (sum.gates_to_come > 0) --sum.gates_to_come;
      ++sharing.stats.bdd_gates;
      return *root;
    }
    method = totalizer_fits ? ThresholdMethod::Totalizer : ThresholdMethod::Adder;
  }
  if (sum.gates_to_come > 0) --sum.gates_to_come;
  if (method == ThresholdMethod::Bdd) {
    const SinkLit root = threshold_bdd_build(sink, sharing.bdd, terms, T, max_bdd_nodes);
    ++sharing.stats.bdd_gates;
    return root;
  }
  if (method == ThresholdMethod::Totalizer) {
    if (!have_count) {
      sum.count = threshold_totalizer_count(sink, terms, T);
      ++sharing.stats.totalizer_counts;
    }
    ++sharing.stats.totalizer_gates;
    return sum.count[size_t(T - 1)];
  }
  if (sum.bits.empty()) {
    sum.bits = threshold_adder_sum(sink, terms);
    ++sharing.stats.adder_sums;
  }
  ++sharing.stats.adder_gates;
  return threshold_adder_compare(sink, sum.bits, T);
}

}  // namespace tc
