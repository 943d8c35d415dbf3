// Exhaustive checks of every threshold-gate encoding (lib/cnf/threshold.hpp, through
// lib/threshold_encode.hpp), alone and sharing one adder sum: random gates of fan-in up to 12
// with weights up to 2^40 and adversarial ones (all weights equal, powers of two, weights above
// T that the encoder clips, T = 1, T = W). On every assignment of the inputs, unit propagation
// must fix each gate's output to its value and conflict with the opposite value, so the CNF is
// exact in both directions (a check that a wrong clause, a missing clause or a wrong comparator
// fails).
#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "lib/circuit.hpp"
#include "lib/cnf/threshold.hpp"
#include "tests/support/small_weight_gates.hpp"
#include "tests/support/threshold_test_gate.hpp"
#include "tests/support/unit_propagation.hpp"

using namespace tc;
using tc::test::describe;
using tc::test::ThresholdTestGate;
using Rng = tc::test::TestRng;
using tc::test::weight_total;

namespace {

enum class Family { Random40, Equal, PowersOfTwo, Clipped, Mixed };
const Family kFamilies[] = {Family::Random40, Family::Equal, Family::PowersOfTwo, Family::Clipped,
                            Family::Mixed};

std::vector<int64_t> family_weights(Rng& rng, size_t n, Family f) {
  std::vector<int64_t> ws(n);
  const int64_t equal = rng.range(1, int64_t(1) << 40);
  for (size_t i = 0; i < n; ++i) switch (f) {
      case Family::Random40:
        ws[i] = rng.range(1, int64_t(1) << 40);
        break;
      case Family::Equal:
        ws[i] = equal;
        break;
      case Family::PowersOfTwo:
        ws[i] = int64_t(1) << rng.range(0, 40);
        break;
      case Family::Clipped:
        ws[i] = rng.coin() ? rng.range(1, 1000) : rng.range(1, int64_t(1) << 40);
        break;
      case Family::Mixed:
        ws[i] = rng.coin() ? rng.range(1, 4) : rng.range(1, int64_t(1) << 40);
        break;
    }
  return ws;
}

// Thresholds worth testing for ws: 1, W, the sum of a random subset (+-1), and for Clipped one
// below the large weights, so the encoder must clip them.
std::vector<int64_t> family_thresholds(Rng& rng, const std::vector<int64_t>& ws, Family f) {
  const int64_t W = weight_total(ws);
  std::vector<int64_t> ts = {1, W};
  for (int k = 0; k < 3; ++k) {
    int64_t s = 0;
    for (int64_t w : ws) s += rng.coin() ? w : 0;
    ts.push_back(std::clamp<int64_t>(s + rng.range(-1, 1), 1, W));
  }
  if (f == Family::Clipped) ts.push_back(std::min<int64_t>(W, rng.range(1, 2000)));
  return ts;
}

// Every assignment of variables 1..n: unit propagation fixes each gate's y to its value, and the
// wrong value of one gate (a different one per assignment) conflicts. "" or the first failure.
std::string check_all_assignments(const Cnf& cnf, size_t n,
                                  const std::vector<ThresholdTestGate>& gates) {
  for (uint64_t a = 0; a < (uint64_t(1) << n); ++a) {
    std::vector<Lit> assumptions;
    for (size_t v = 1; v <= n; ++v) assumptions.push_back((a >> (v - 1)) & 1 ? int(v) : -int(v));
    const auto values = cnf_unit_propagate(cnf, assumptions);
    if (!values) return "conflict on input " + std::to_string(a);
    std::vector<bool> expected;
    for (const ThresholdTestGate& g : gates) {
      int64_t sum = 0;
      for (size_t i = 0; i < g.xs.size(); ++i) {
        const bool bit = (a >> (std::abs(g.xs[i]) - 1)) & 1;
        if (bit != (g.xs[i] < 0)) sum += g.ws[i];
      }
      expected.push_back(sum >= g.T);
      const int8_t yv = (*values)[size_t(std::abs(g.y))] * (g.y < 0 ? -1 : 1);
      if (yv != (expected.back() ? 1 : -1))
        return describe(g) + ": y not fixed to " + std::to_string(expected.back()) + " on input " +
               std::to_string(a);
    }
    const size_t k = a % gates.size();
    assumptions.push_back(expected[k] ? -gates[k].y : gates[k].y);
    if (cnf_unit_propagate(cnf, assumptions))
      return describe(gates[k]) + ": the wrong y gives no conflict on input " + std::to_string(a);
  }
  return "";
}

ThresholdTestGate random_signs(Rng& rng, const std::vector<int64_t>& ws, int64_t T, Lit y) {
  ThresholdTestGate g{{}, ws, T, rng.coin() ? y : -y};
  for (size_t i = 0; i < ws.size(); ++i) g.xs.push_back(rng.coin() ? int(i + 1) : -int(i + 1));
  return g;
}

}  // namespace

TEST_CASE("every encoding of random and adversarial gates up to fan-in 12 is exact on every input",
          "[cnf][threshold][encodings]") {
  Rng rng(20);
  for (ThresholdEncoding enc : {ThresholdEncoding::Direct, ThresholdEncoding::Bdd,
                                ThresholdEncoding::Adder, ThresholdEncoding::Auto})
    for (Family f : kFamilies)
      for (size_t n : {1, 2, 3, 5, 8, 10, 12}) {
        // Direct writes up to 2 C(n, n/2) clauses; the reference propagator is slow on those.
        if (enc == ThresholdEncoding::Direct && n > 10) continue;
        const std::vector<int64_t> ws = family_weights(rng, n, f);
        for (int64_t T : family_thresholds(rng, ws, f)) {
          if (n == 12 && rng.gen() % 3 != 0) continue;  // a sample of the largest, for time
          const ThresholdTestGate g = random_signs(rng, ws, T, Lit(n + 1));
          Cnf cnf;
          cnf.num_vars = int(n + 1);
          cnf_encode_threshold(cnf, g.y, g.xs, g.ws, g.T, enc);
          INFO("encoding " << int(enc) << ", family " << int(f));
          REQUIRE(check_all_assignments(cnf, n, {g}) == "");
        }
      }
}

TEST_CASE("gates over one weighted sum share one adder network and stay exact on every input",
          "[cnf][threshold][encodings]") {
  Rng rng(21);
  for (ThresholdEncoding enc : {ThresholdEncoding::Adder, ThresholdEncoding::Auto})
    for (Family f : kFamilies)
      for (size_t n : {3, 9, 11}) {
        // One form (same literals, same weights) at several thresholds, plus the same weights
        // over other signs: a different sum, which must not be confused with the first.
        const std::vector<int64_t> ws = family_weights(rng, n, f);
        const ThresholdTestGate base = random_signs(rng, ws, 1, 1);
        Cnf cnf;
        cnf.num_vars = int(n);
        ThresholdSharing sharing;
        std::vector<ThresholdTestGate> gates;
        for (int64_t T : family_thresholds(rng, ws, f)) {
          ThresholdTestGate g = base;
          g.T = T;
          g.y = cnf.new_var();
          gates.push_back(g);
          ThresholdTestGate other = random_signs(rng, ws, T, cnf.new_var());
          gates.push_back(other);
        }
        for (const ThresholdTestGate& g : gates) cnf_announce_threshold(sharing, g.xs, g.ws, g.T);
        for (const ThresholdTestGate& g : gates)
          cnf_encode_threshold(cnf, g.y, g.xs, g.ws, g.T, enc, &sharing);
        INFO("encoding " << int(enc) << ", family " << int(f) << ", fan-in " << n);
        if (enc == ThresholdEncoding::Adder) {
          // One sum per distinct form after clipping the weights to T (the encoder's normal
          // form); AND and OR gates get plain clauses, no adder.
          std::set<std::vector<std::pair<Lit, int64_t>>> forms;
          int64_t adder_gates = 0;
          for (const ThresholdTestGate& g : gates) {
            std::vector<int64_t> clipped;
            std::vector<std::pair<Lit, int64_t>> form;
            for (size_t i = 0; i < n; ++i) {
              clipped.push_back(std::min(g.ws[i], g.T));
              form.push_back({g.xs[i], clipped.back()});
            }
            if (threshold_is_and(clipped, g.T) || threshold_is_or(clipped, g.T)) continue;
            std::sort(form.begin(), form.end());
            forms.insert(form);
            ++adder_gates;
          }
          CHECK(sharing.stats.adder_gates == adder_gates);
          CHECK(sharing.stats.adder_sums == int64_t(forms.size()));
        }
        REQUIRE(check_all_assignments(cnf, n, gates) == "");
      }
}

TEST_CASE("Auto takes the adder for a wide sum at many thresholds and the BDD for small weights",
          "[cnf][threshold][encodings]") {
  Rng rng(22);
  const size_t n = 40;
  std::vector<Lit> xs;
  for (size_t i = 0; i < n; ++i) xs.push_back(int(i + 1));
  // Random 20-bit weights: every gate's BDD is large, the shared sum pays off.
  std::vector<int64_t> ws(n);
  for (int64_t& w : ws) w = rng.range(1, int64_t(1) << 20);
  Cnf cnf;
  cnf.num_vars = int(n);
  ThresholdSharing sharing;
  std::vector<int64_t> ts;
  for (int k = 1; k <= 16; ++k) ts.push_back(weight_total(ws) * k / 17);
  for (int64_t T : ts) cnf_announce_threshold(sharing, xs, ws, T);
  for (int64_t T : ts)
    cnf_encode_threshold(cnf, cnf.new_var(), xs, ws, T, ThresholdEncoding::Auto, &sharing);
  CHECK(sharing.stats.adder_gates == 16);
  CHECK(sharing.stats.adder_sums == 1);
  // At least n - 1 of n: the BDD has 2n nodes, the adder needs n - 1 adders.
  ThresholdSharing alone;
  cnf_encode_threshold(cnf, cnf.new_var(), xs, std::vector<int64_t>(n, 1), int64_t(n) - 1,
                       ThresholdEncoding::Auto, &alone);
  CHECK(alone.stats.bdd_gates == 1);
  CHECK(alone.stats.adder_gates == 0);
}
