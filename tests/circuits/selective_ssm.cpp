// The selective-ssm composition: equal to its spec on every input at the default sizes, every
// mutant caught at every p tested, threshold-only, depth flat in p and L.
#include "circuits/selective_ssm.hpp"

#include <catch2/catch.hpp>
#include <set>

#include "lib/analysis.hpp"
#include "lib/equivalence.hpp"
#include "lib/simulate.hpp"
#include "specs/selective_ssm.hpp"

namespace tc {
namespace {

Params ssm_params(int p, int L = 2, const std::string& mutant = "",
                  std::set<std::string> flags = {}) {
  Params params;
  params.p = p, params.L = L, params.N = 1, params.D = 1;
  params.flags = flags;
  params.mutant = mutant;
  return selective_ssm_with_default_weights(params);
}

void check_proved(const Params& params) {
  const Circuit c = selective_ssm_construction(params);
  CHECK(c.is_threshold_only());
  EquivalenceParams exhaustive;  // every input (auto would prove it by blocks at p = 3)
  exhaustive.engine = Engine::Sim;
  const EquivalenceResult r = check_equivalence(c, build_selective_ssm_spec(params), exhaustive);
  CHECK(r.simulated_points > 0);
  CHECK(r.verdict == Verdict::Proved);
}

TEST_CASE("selective-ssm equals its spec on every input at p = 2 (L = 2, N = D = 1)",
          "[selective-ssm]") {
  check_proved(ssm_params(2));
}

TEST_CASE("selective-ssm equals its spec on every input at p = 3 (L = 2, N = D = 1)",
          "[selective-ssm]") {
  check_proved(ssm_params(3));
}

TEST_CASE("selective-ssm with --euler --skip equals its spec on every input at p = 3",
          "[selective-ssm]") {
  check_proved(ssm_params(3, 2, "", {"euler", "skip"}));
}

TEST_CASE("selective-ssm with --gate agrees with its spec on random inputs at p = 2",
          "[selective-ssm]") {
  // x and z: 24 input bits at p = 2; the full proof is mamba's (where z comes from x).
  const Params params = ssm_params(2, 2, "", {"gate", "skip"});
  const CompareResult r = compare_by_simulation(
      selective_ssm_construction(params), build_selective_ssm_spec(params), {.random_rounds = 256});
  CHECK(r.valid_points > 1000);
  CHECK_FALSE(r.difference.has_value());
}

TEST_CASE("every selective-ssm mutant is caught at p = 2 and 3", "[selective-ssm][mutants]") {
  for (int p : {2, 3}) {
    const Circuit spec = build_selective_ssm_spec(ssm_params(p));
    for (const Mutant& m : selective_ssm_mutants()) {
      INFO("p = " << p << ", mutant " << m.name);
      const Circuit c = selective_ssm_construction(ssm_params(p, 2, m.name));
      CHECK(c.is_threshold_only());
      const EquivalenceResult r = check_equivalence(c, spec, {});
      CHECK(r.verdict == Verdict::Counterexample);
      CHECK(r.counterexample.has_value());
    }
  }
}

TEST_CASE("selective-ssm refuses flag mutants without their flag", "[selective-ssm]") {
  CHECK_THROWS_AS(selective_ssm_construction(ssm_params(3, 2, "skip-dropped")),
                  std::invalid_argument);
  CHECK_THROWS_AS(selective_ssm_construction(ssm_params(3, 2, "gate-z-not-silu")),
                  std::invalid_argument);
  CHECK_THROWS_AS(selective_ssm_construction(ssm_params(3, 2, "euler-instead-of-zoh", {"euler"})),
                  std::invalid_argument);
}

TEST_CASE("selective-ssm depth is the same at p = 2, 3 and at L = 2, 3 (weights as inputs)",
          "[selective-ssm][depth]") {
  // With constant weights, folding shortens some paths by a p-dependent amount (201 to 202 at
  // p = 2, 3); the circuit over every weight is the structural one.
  std::set<int> depths;
  for (int p : {2, 3})
    for (int L : {2, 3}) {
      Params params = ssm_params(p, L, "", {"weight-inputs"});
      depths.insert(analyze(selective_ssm_construction(params)).depth);
      const int folded = analyze(selective_ssm_construction(ssm_params(p, L))).depth;
      CHECK(folded <= *depths.rbegin());
    }
  CHECK(depths.size() == 1);
}

TEST_CASE("selective-ssm with weights as inputs declares every weight word", "[selective-ssm]") {
  Params params;
  params.p = 3, params.L = 2, params.N = 2, params.D = 1;
  params.flags = {"weight-inputs", "skip"};
  params = selective_ssm_with_default_weights(params);
  CHECK(params.weights.empty());
  const Circuit c = selective_ssm_construction(params);
  const Circuit s = build_selective_ssm_spec(params);
  CHECK_NOTHROW(check_same_interface(c, s));
  // x (2), W_B (2), W_C (2), W_delta (1), b_delta (1), A (2), D_skip (1)
  CHECK(c.input_words().size() == 11);
  CHECK(c.input_word("A0_1").bits.size() == 8);
}

}  // namespace
}  // namespace tc
