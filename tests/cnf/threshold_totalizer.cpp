// The totalizer's CNF (lib/cnf/threshold.cpp, CnfGateSink::unary_add), alone and under Auto:
// exhaustive over every input assignment of random and adversarial small-weight gates up to
// fan-in 12 (equal weights, T = 1, T = W, weights clipped to T, weights 1..2n as --lower-weights
// leaves them), checked by CaDiCaL under assumptions against direct evaluation (the right y is
// satisfiable, the wrong one not), several gates over one sum in one CNF; and the clause count
// the choice estimates is the one written.
#include "lib/threshold_totalizer.hpp"

#include <algorithm>
#include <cadical.hpp>
#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "lib/circuit.hpp"
#include "lib/cnf/threshold.hpp"
#include "tests/support/small_weight_gates.hpp"
#include "tests/support/threshold_test_gate.hpp"

using namespace tc;
using tc::test::describe;
using tc::test::ThresholdTestGate;
using Rng = tc::test::TestRng;
using Family = tc::test::SmallWeightFamily;
using tc::test::kSmallWeightFamilies;

namespace {

bool gate_value(const ThresholdTestGate& g, uint64_t a) {  // variable v is bit v - 1 of a
  int64_t sum = 0;
  for (size_t i = 0; i < g.xs.size(); ++i) {
    const bool bit = (a >> (std::abs(g.xs[i]) - 1)) & 1;
    if (bit != (g.xs[i] < 0)) sum += g.ws[i];
  }
  return sum >= g.T;
}

// On every assignment of variables 1..n, CaDiCaL finds every gate's y at its value, and the
// wrong value of one gate (a different one per assignment) unsatisfiable. "" or the failure.
std::string check_by_cadical(const Cnf& cnf, size_t n,
                             const std::vector<ThresholdTestGate>& gates) {
  CaDiCaL::Solver solver;
  for (const Clause& c : cnf.clauses) {
    for (Lit l : c) solver.add(l);
    solver.add(0);
  }
  for (uint64_t a = 0; a < (uint64_t(1) << n); ++a) {
    auto assume_inputs = [&] {
      for (size_t v = 1; v <= n; ++v) solver.assume((a >> (v - 1)) & 1 ? int(v) : -int(v));
    };
    assume_inputs();
    if (solver.solve() != 10) return "unsatisfiable on input " + std::to_string(a);
    for (const ThresholdTestGate& g : gates)
      if ((solver.val(g.y) > 0) != gate_value(g, a))
        return describe(g) + ": wrong y on input " + std::to_string(a);
    const ThresholdTestGate& g = gates[a % gates.size()];
    assume_inputs();
    solver.assume(gate_value(g, a) ? -g.y : g.y);
    if (solver.solve() != 20)
      return describe(g) + ": the wrong y is satisfiable on input " + std::to_string(a);
  }
  return "";
}

// The gate's weights clipped to T, as the encoder sees them, for its size estimate.
std::vector<ThresholdTerm> clipped_terms(const ThresholdTestGate& g) {
  std::vector<ThresholdTerm> terms;
  for (size_t i = 0; i < g.xs.size(); ++i) terms.push_back({g.xs[i], std::min(g.ws[i], g.T)});
  return terms;
}

bool small_enough(const ThresholdTestGate& g) {  // for the time of the test, not the encoder
  return threshold_totalizer_size(clipped_terms(g), g.T).pairs <= 30000;
}

}  // namespace

TEST_CASE("totalizer and Auto CNFs of small-weight gates up to fan-in 12 are exact on every input",
          "[cnf][threshold][totalizer]") {
  Rng rng(40);
  for (ThresholdEncoding enc : {ThresholdEncoding::Totalizer, ThresholdEncoding::Auto})
    for (Family f : kSmallWeightFamilies)
      for (size_t n : {1, 2, 3, 5, 8, 10, 12}) {
        // One CNF: a gate per threshold over the same literals (one sum, so Auto and the forced
        // totalizer may share a counter), and one over other signs.
        const std::vector<int64_t> ws = tc::test::small_family_weights(rng, n, f);
        Cnf cnf;
        cnf.num_vars = int(n);
        ThresholdSharing sharing;
        std::vector<ThresholdTestGate> gates;
        ThresholdTestGate base{{}, ws, 1, 0};
        for (size_t i = 0; i < n; ++i) base.xs.push_back(rng.coin() ? int(i + 1) : -int(i + 1));
        for (int64_t T : tc::test::small_family_thresholds(rng, ws, f)) {
          ThresholdTestGate g = base;
          g.T = T;
          if (!small_enough(g)) continue;
          g.y = rng.coin() ? cnf.new_var() : -cnf.new_var();
          gates.push_back(g);
          ThresholdTestGate other = g;
          other.xs[0] = -other.xs[0];
          other.y = cnf.new_var();
          gates.push_back(other);
        }
        if (gates.empty()) continue;
        for (const ThresholdTestGate& g : gates) cnf_announce_threshold(sharing, g.xs, g.ws, g.T);
        for (const ThresholdTestGate& g : gates)
          cnf_encode_threshold(cnf, g.y, g.xs, g.ws, g.T, enc, &sharing);
        INFO("encoding " << int(enc) << ", family " << int(f) << ", fan-in " << n);
        REQUIRE(check_by_cadical(cnf, n, gates) == "");
      }
}

TEST_CASE("the totalizer's CNF has the clauses and variables its estimate counts",
          "[cnf][threshold][totalizer]") {
  Rng rng(41);
  for (int trial = 0; trial < 40; ++trial) {
    const size_t n = size_t(rng.range(9, 30));  // past Auto's direct encoding, not AND or OR
    ThresholdTestGate g{{}, tc::test::small_family_weights(rng, n, Family::Lowered), 0, int(n + 1)};
    for (size_t i = 0; i < n; ++i) g.xs.push_back(int(i + 1));
    g.T = rng.range(2, tc::test::weight_total(g.ws) - 1);
    std::vector<int64_t> clipped;
    for (int64_t w : g.ws) clipped.push_back(std::min(w, g.T));
    if (threshold_is_and(clipped, g.T) || threshold_is_or(clipped, g.T)) continue;
    Cnf cnf;
    cnf.num_vars = int(n + 1);
    REQUIRE(cnf_encode_threshold(cnf, g.y, g.xs, g.ws, g.T, ThresholdEncoding::Totalizer) ==
            ThresholdEncodingUsed::Totalizer);
    // The encoder orders the inputs by decreasing weight (the BDD's order), so the tree, and the
    // size, are those of that order; 2 clauses tie y to the digit.
    std::vector<ThresholdTerm> terms = clipped_terms(g);
    std::stable_sort(
        terms.begin(), terms.end(),
        [](const ThresholdTerm& a, const ThresholdTerm& b) { return a.weight > b.weight; });
    const ThresholdTotalizerSize size = threshold_totalizer_size(terms, g.T);
    INFO(describe(g));
    CHECK(int64_t(cnf.clauses.size()) == size.clauses + 2);
    CHECK(cnf.num_vars == int(n + 1) + int(size.digits));
  }
}
