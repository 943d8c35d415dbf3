// Tests of the one interval-BDD builder (lib/threshold_bdd.cpp), through a sink that keeps every
// node's truth table over the gate's inputs: the root must be the gate's function, no two nodes
// may compute the same function (the BDD is reduced and the interval memo finds every repeat),
// and the variable order is decreasing weight with ties in the order given.
#include "lib/threshold_bdd.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <set>
#include <vector>

#include "lib/threshold_encode.hpp"

using namespace tc;

namespace {

// Literals are indices into `tables`: 0 and 1 the constants, 2 + i input i, then one per node.
class TruthTableSink : public GateSink {
 public:
  explicit TruthTableSink(int n) {
    const uint64_t rows = uint64_t(1) << n;
    const uint64_t all = rows == 64 ? ~0ull : (uint64_t(1) << rows) - 1;
    tables = {0, all};
    for (int i = 0; i < n; ++i) {
      uint64_t t = 0;
      for (uint64_t r = 0; r < rows; ++r)
        if ((r >> i) & 1) t |= uint64_t(1) << r;
      tables.push_back(t);
    }
  }
  SinkLit constant(bool value) override { return value ? 1 : 0; }
  SinkLit monotone_ite(SinkLit x, SinkLit hi, SinkLit lo) override {
    const uint64_t tx = tables[size_t(x)], th = tables[size_t(hi)], tl = tables[size_t(lo)];
    REQUIRE((tl & ~th) == 0);  // lo implies hi, as promised
    tested.push_back(x);
    tables.push_back((tx & th) | (~tx & tl));
    return SinkLit(tables.size() - 1);
  }
  SinkLit negate(SinkLit x) override { return add(~tables[size_t(x)] & tables[1]); }
  SinkLit and2(SinkLit a, SinkLit b) override { return add(tables[size_t(a)] & tables[size_t(b)]); }
  SinkLit xor2(SinkLit a, SinkLit b) override { return add(tables[size_t(a)] ^ tables[size_t(b)]); }
  SinkLit add(uint64_t table) {
    tables.push_back(table);
    return SinkLit(tables.size() - 1);
  }
  std::vector<uint64_t> tables;
  std::vector<SinkLit> tested;  // the input each node tests, in creation order
};

uint64_t gate_table(const std::vector<int64_t>& ws, int64_t T) {
  uint64_t t = 0;
  for (uint64_t r = 0; r < (uint64_t(1) << ws.size()); ++r) {
    int64_t sum = 0;
    for (size_t i = 0; i < ws.size(); ++i) sum += ((r >> i) & 1) ? ws[i] : 0;
    if (sum >= T) t |= uint64_t(1) << r;
  }
  return t;
}

}  // namespace

TEST_CASE("the threshold BDD computes its gate and is reduced", "[threshold][bdd]") {
  std::mt19937_64 rng(3);
  for (int trial = 0; trial < 500; ++trial) {
    const int n = 1 + int(rng() % 6);
    std::vector<int64_t> ws;
    std::vector<ThresholdTerm> terms;
    int64_t total = 0;
    for (int i = 0; i < n; ++i) {
      ws.push_back(1 + int64_t(rng() % (trial % 2 ? 4 : 40)));
      total += ws.back();
      terms.push_back({2 + i, ws.back()});
    }
    const int64_t T = 1 + int64_t(rng() % uint64_t(total));
    TruthTableSink sink(n);
    ThresholdBddCache cache;
    const SinkLit root = threshold_bdd_build(sink, cache, terms, T, 1000);
    INFO("trial " << trial);
    REQUIRE(sink.tables[size_t(root)] == gate_table(ws, T));
    std::set<uint64_t> seen;  // a node may compute an input (x ? 1 : 0), never another node
    for (size_t k = size_t(2 + n); k < sink.tables.size(); ++k)
      CHECK(seen.insert(sink.tables[k]).second);
  }
}

TEST_CASE("the threshold BDD tests heavier inputs first, equal weights in the order given",
          "[threshold][bdd]") {
  // Inputs listed 0..4 with weights 1, 3, 1, 3, 1: the order is 1, 3, then 0, 2, 4. A node built
  // later sits nearer the root, so the inputs tested, read backwards, never go down that order.
  const std::vector<int64_t> ws = {1, 3, 1, 3, 1};
  std::vector<ThresholdTerm> terms;
  for (int i = 0; i < 5; ++i) terms.push_back({2 + i, ws[size_t(i)]});
  const std::vector<ThresholdTerm> order = threshold_bdd_order(terms, 5);
  std::vector<SinkLit> lits;
  for (const ThresholdTerm& t : order) lits.push_back(t.lit);
  CHECK(lits == std::vector<SinkLit>{3, 5, 2, 4, 6});
  TruthTableSink sink(5);
  ThresholdBddCache cache;
  threshold_bdd_build(sink, cache, terms, 5, 1000);
  auto position = [&](SinkLit x) { return std::find(lits.begin(), lits.end(), x) - lits.begin(); };
  CHECK(position(sink.tested.back()) == 0);  // the root tests the first input
  for (const ThresholdTerm& t : threshold_bdd_order(terms, 2)) CHECK(t.weight <= 2);  // clipped
}

TEST_CASE("gates sharing a BDD cache reuse nodes; the budget stops a large BDD",
          "[threshold][bdd]") {
  std::vector<ThresholdTerm> terms;
  for (int i = 0; i < 6; ++i) terms.push_back({2 + i, int64_t(1) << i});
  TruthTableSink sink(6);
  ThresholdBddCache cache;
  threshold_bdd_build(sink, cache, terms, 21, 1000);
  const size_t first = sink.tables.size();
  threshold_bdd_build(sink, cache, terms, 21, 1000);  // the same gate: all from the cache
  CHECK(sink.tables.size() == first);
  threshold_bdd_build(sink, cache, terms, 22, 1000);  // a neighbour: some nodes shared
  CHECK(sink.tables.size() - first < first - 8);
  TruthTableSink fresh(6);
  ThresholdBddCache empty;
  CHECK_THROWS_AS(threshold_bdd_build(fresh, empty, terms, 21, 2), ThresholdBddTooLarge);
  CHECK_THROWS_WITH(threshold_bdd_build(fresh, empty, terms, 21, 2),
                    Catch::Contains("threshold BDD exceeds 2 new nodes"));
}

namespace {

// Counts what is written; every node a fresh literal.
class CountingSink : public GateSink {
 public:
  SinkLit constant(bool value) override { return value ? 1 : 0; }
  SinkLit monotone_ite(SinkLit, SinkLit, SinkLit) override { return ++next; }
  SinkLit negate(SinkLit) override { return ++next; }
  SinkLit and2(SinkLit, SinkLit) override { return ++next; }
  SinkLit xor2(SinkLit, SinkLit) override { return ++next; }
  SinkLit next = 1;
};

}  // namespace

TEST_CASE("a gate wider than the BDD builder's limit gets the adder, not a stack overflow",
          "[threshold][bdd]") {
  // The tabulated log at p = 16 had 24,575-input gates; one recursion frame per input.
  const size_t n = 3 * kMaxThresholdBddFanin;
  std::vector<ThresholdTerm> terms;
  for (size_t i = 0; i < n; ++i) terms.push_back({SinkLit(2 + i), 1});
  CountingSink sink;
  sink.next = SinkLit(2 + n);
  ThresholdSharing sharing;
  // The OR of the inputs: a chain of n nodes, well within the budget, yet refused for its depth.
  CHECK(threshold_bdd_count(sink, sharing.bdd, terms, 1, 1000000) == 1000001);
  CHECK_THROWS_AS(threshold_bdd_build(sink, sharing.bdd, terms, n / 2, int64_t{1} << 40),
                  ThresholdBddTooLarge);
  threshold_encode(sink, sharing, terms, n / 2, ThresholdMethod::Auto, int64_t{1} << 20);
  CHECK(sharing.stats.adder_gates == 1);
  CHECK(sharing.stats.bdd_gates == 0);
}
