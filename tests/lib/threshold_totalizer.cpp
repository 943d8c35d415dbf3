// Tests of the totalizer (lib/threshold_totalizer.cpp) and of its place in the per-gate choice
// (lib/threshold_encode.cpp), through a sink that keeps every node's truth table over the gate's
// inputs (up to 12): every digit k of the unary count must be [S >= k + 1] on every assignment,
// for random gates with small weights and adversarial ones (equal weights, T = 1, T = W, weights
// clipped to T, weights 1..2n as --lower-weights makes them), forced and under Auto. The sink
// uses GateSink's own unary adder (the one the AIGER export uses); the CNF's is checked in
// tests/cnf/threshold_totalizer.cpp.
#include "lib/threshold_totalizer.hpp"

#include <bitset>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "lib/threshold_encode.hpp"
#include "tests/support/small_weight_gates.hpp"

using namespace tc;
using Rng = tc::test::TestRng;
using Family = tc::test::SmallWeightFamily;
using tc::test::kSmallWeightFamilies;

namespace {

constexpr int kMaxInputs = 12;
using Table = std::bitset<size_t(1) << kMaxInputs>;  // row r: input i is bit i of r

// Literals are indices into `tables`: 0 and 1 the constants, 2 + i input i, then one per node.
class TruthTableSink : public GateSink {
 public:
  explicit TruthTableSink(int n) : rows_(size_t(1) << n) {
    tables = {Table(), all()};
    for (int i = 0; i < n; ++i) {
      Table t;
      for (size_t r = 0; r < rows_; ++r) t[r] = (r >> i) & 1;
      tables.push_back(t);
    }
  }
  SinkLit constant(bool value) override { return value ? 1 : 0; }
  SinkLit monotone_ite(SinkLit x, SinkLit hi, SinkLit lo) override {
    const Table &tx = tables[size_t(x)], &th = tables[size_t(hi)], &tl = tables[size_t(lo)];
    REQUIRE((tl & ~th).none());  // lo implies hi, as promised
    REQUIRE(hi != lo);
    return add((tx & th) | (~tx & tl & all()));
  }
  SinkLit negate(SinkLit x) override { return add(~tables[size_t(x)] & all()); }
  SinkLit and2(SinkLit a, SinkLit b) override { return add(tables[size_t(a)] & tables[size_t(b)]); }
  SinkLit xor2(SinkLit a, SinkLit b) override { return add(tables[size_t(a)] ^ tables[size_t(b)]); }
  std::vector<SinkLit> unary_add(const std::vector<SinkLit>& a, const std::vector<SinkLit>& b,
                                 size_t width) override {
    REQUIRE(width <= a.size() + b.size());
    for (const auto* v : {&a, &b})  // the inputs are unary: each digit implies the one before
      for (size_t i = 1; i < v->size(); ++i)
        REQUIRE((tables[size_t((*v)[i])] & ~tables[size_t((*v)[i - 1])]).none());
    ++unary_adds;
    return GateSink::unary_add(a, b, width);
  }
  SinkLit add(const Table& t) {
    tables.push_back(t);
    return SinkLit(tables.size() - 1);
  }
  Table all() const {
    Table t;
    for (size_t r = 0; r < rows_; ++r) t[r] = true;
    return t;
  }
  std::vector<Table> tables;
  int64_t unary_adds = 0;

 private:
  size_t rows_;
};

// [sum ws >= k] as a table over the inputs.
Table sum_at_least(const std::vector<int64_t>& ws, int64_t k) {
  Table t;
  for (size_t r = 0; r < (size_t(1) << ws.size()); ++r) {
    int64_t sum = 0;
    for (size_t i = 0; i < ws.size(); ++i) sum += ((r >> i) & 1) ? ws[i] : 0;
    t[r] = sum >= k;
  }
  return t;
}

std::vector<ThresholdTerm> terms_of(const std::vector<int64_t>& ws) {
  std::vector<ThresholdTerm> terms;
  for (size_t i = 0; i < ws.size(); ++i) terms.push_back({SinkLit(2 + i), ws[i]});
  return terms;
}

}  // namespace

TEST_CASE("every digit of the totalizer's count is its threshold function on every input",
          "[threshold][totalizer]") {
  Rng rng(30);
  for (Family f : kSmallWeightFamilies)
    for (int n = 1; n <= kMaxInputs; ++n)
      for (int trial = 0; trial < (n <= 8 ? 3 : 1); ++trial) {
        const std::vector<int64_t> ws = tc::test::small_family_weights(rng, size_t(n), f);
        for (int64_t width : tc::test::small_family_thresholds(rng, ws, f)) {
          if (threshold_totalizer_size(terms_of(ws), width).pairs > 20000) continue;  // time
          INFO("family " << int(f) << ", fan-in " << n << ", width " << width);
          TruthTableSink sink(n);
          const std::vector<SinkLit> count = threshold_totalizer_count(sink, terms_of(ws), width);
          // Digits up to min(width, W') where W' sums the weights clipped to width.
          int64_t clipped = 0;
          for (int64_t w : ws) clipped += std::min(w, width);
          REQUIRE(int64_t(count.size()) == std::min(width, clipped));
          for (size_t k = 0; k < count.size(); ++k)
            REQUIRE(sink.tables[size_t(count[k])] == sum_at_least(ws, int64_t(k) + 1));
          CHECK(sink.unary_adds == n - 1);  // a binary tree over the n leaves
        }
      }
}

TEST_CASE("forced and Auto encodings of small-weight gates compute the gate on every input",
          "[threshold][totalizer]") {
  Rng rng(31);
  for (ThresholdMethod method : {ThresholdMethod::Totalizer, ThresholdMethod::Auto})
    for (Family f : kSmallWeightFamilies)
      for (int n : {2, 3, 5, 8, 10, 12}) {
        const std::vector<int64_t> ws = tc::test::small_family_weights(rng, size_t(n), f);
        // All thresholds into one sink: gates over the same sum at a lower T reuse a counter.
        TruthTableSink sink(n);
        ThresholdSharing sharing;
        for (int64_t T : tc::test::small_family_thresholds(rng, ws, f)) {
          std::vector<ThresholdTerm> terms = terms_of(ws);
          for (ThresholdTerm& t : terms) t.weight = std::min(t.weight, T);
          if (threshold_totalizer_size(terms, T).pairs > 20000) continue;  // time
          INFO("method " << int(method) << ", family " << int(f) << ", fan-in " << n << ", T "
                         << T);
          const SinkLit y = threshold_encode(sink, sharing, terms, T, method, int64_t(1) << 16);
          REQUIRE(sink.tables[size_t(y)] == sum_at_least(ws, T));
        }
        if (method == ThresholdMethod::Totalizer) {
          CHECK(sharing.stats.bdd_gates + sharing.stats.adder_gates == 0);
          CHECK(sharing.stats.totalizer_counts <= sharing.stats.totalizer_gates);
        }
      }
}

TEST_CASE("the totalizer's size estimate grows with the clipped weights and stops at its limit",
          "[threshold][totalizer]") {
  // Four unit weights up to 4: leaves of 1 digit, two adders of 1 + 1 (3 pairs, 2 digits) and one
  // of 2 + 2 (8 pairs, 4 digits); as many clauses downward as upward here (pairs with
  // i + j < len: 3, 3 and 8).
  const std::vector<ThresholdTerm> unit = terms_of({1, 1, 1, 1});
  ThresholdTotalizerSize s = threshold_totalizer_size(unit, 4);
  CHECK(s.pairs == 3 + 3 + 8);
  CHECK(s.digits == 2 + 2 + 4);
  CHECK(s.clauses == 2 * (3 + 3 + 8));
  // Truncated at 1: every adder keeps one digit ([A + B >= 1]: 2 pairs, 1 clause down).
  s = threshold_totalizer_size(unit, 1);
  CHECK(s.pairs == 3 * 2);
  CHECK(s.digits == 3);
  CHECK(s.clauses == 3 * 3);
  // Weights clipped to the width: 2^40 counts as 1 at width 1.
  CHECK(threshold_totalizer_size(terms_of({int64_t(1) << 40, 1, 1, 1}), 1).pairs == 6);
  // Weights of 2^40 at T = 2^40: past the limit, estimated without building, refused to build.
  const std::vector<ThresholdTerm> huge = terms_of({int64_t(1) << 40, int64_t(1) << 40, 3});
  CHECK(threshold_totalizer_size(huge, int64_t(1) << 40).pairs > kThresholdTotalizerMaxPairs);
  TruthTableSink sink(3);
  CHECK_THROWS_AS(threshold_totalizer_count(sink, huge, int64_t(1) << 40),
                  ThresholdTotalizerTooLarge);
  CHECK(sink.tables.size() == 5);  // nothing built
  ThresholdSharing sharing;
  CHECK_THROWS_AS(threshold_encode(sink, sharing, huge, int64_t(1) << 40,
                                   ThresholdMethod::Totalizer, int64_t(1) << 16),
                  ThresholdTotalizerTooLarge);
  // Auto never takes a totalizer past its limit.
  threshold_encode(sink, sharing, huge, int64_t(1) << 40, ThresholdMethod::Auto, int64_t(1) << 16);
  CHECK(sharing.stats.totalizer_gates == 0);
}

TEST_CASE("Auto takes a totalizer where the BDD is over its budget and shares it at lower T",
          "[threshold][totalizer]") {
  // At least 6 of 12: a BDD of about 40 nodes, over a budget of 10; the totalizer's 4 x pairs is
  // within 8 times the adder's estimate, so it is taken over the adder. A second gate over the same
  // inputs at T = 4 reads a digit of the same counter, and one at T = 7 needs a wider one.
  const std::vector<int64_t> ws(12, 1);
  TruthTableSink sink(12);
  ThresholdSharing sharing;
  for (int64_t T : {6, 4, 7}) {
    INFO("T " << T);
    const SinkLit y = threshold_encode(sink, sharing, terms_of(ws), T, ThresholdMethod::Auto, 10);
    CHECK(sink.tables[size_t(y)] == sum_at_least(ws, T));
  }
  CHECK(sharing.stats.totalizer_gates == 3);
  CHECK(sharing.stats.totalizer_counts == 2);
  CHECK(sharing.stats.bdd_gates + sharing.stats.adder_gates == 0);
}
