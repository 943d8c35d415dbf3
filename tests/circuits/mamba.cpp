// The Mamba block composition: equal to its spec on every input at the default sizes, every
// mutant caught at every p tested, threshold-only, depth flat in p.
#include "circuits/mamba.hpp"

#include <catch2/catch.hpp>
#include <set>

#include "lib/analysis.hpp"
#include "lib/equivalence.hpp"
#include "specs/mamba.hpp"

namespace tc {
namespace {

Params mamba_params(int p, const std::string& mutant = "") {
  Params params;
  params.p = p, params.L = 2, params.N = 1, params.D = 1, params.K = 2;
  params.mutant = mutant;
  return mamba_with_default_weights(params);
}

void check_proved(const Params& params) {
  const Circuit c = mamba_construction(params);
  CHECK(c.is_threshold_only());
  const EquivalenceResult r = check_equivalence(c, build_mamba_spec(params), {});
  CHECK(r.engine == Engine::Sim);
  CHECK(r.verdict == Verdict::Proved);
}

TEST_CASE("mamba equals its spec on every input at p = 2 (L = 2, N = D = 1, K = 2)", "[mamba]") {
  check_proved(mamba_params(2));
}

// 2^16 inputs through about 63,000 gates on each side: about 40 s of CPU.
TEST_CASE("mamba equals its spec on every input at p = 3 (L = 2, N = D = 1, K = 2)",
          "[.slow][mamba]") {
  check_proved(mamba_params(3));
}

void check_mutants_caught(int p) {
  const Circuit spec = build_mamba_spec(mamba_params(p));
  for (const Mutant& m : mamba_mutants()) {
    INFO("p = " << p << ", mutant " << m.name);
    const Circuit c = mamba_construction(mamba_params(p, m.name));
    CHECK(c.is_threshold_only());
    const EquivalenceResult r = check_equivalence(c, spec, {});
    CHECK(r.verdict == Verdict::Counterexample);
    CHECK(r.counterexample.has_value());
  }
}

TEST_CASE("every mamba mutant is caught at p = 2", "[mamba][mutants]") { check_mutants_caught(2); }

TEST_CASE("every mamba mutant is caught at p = 3", "[.slow][mamba][mutants]") {
  check_mutants_caught(3);
}

TEST_CASE("mamba depth is the same at p = 2 and 3 (weights as inputs)", "[mamba][depth]") {
  std::set<int> depths;
  for (int p : {2, 3}) {
    Params params = mamba_params(p);
    params.weights.clear();
    params.flags.insert("weight-inputs");
    depths.insert(analyze(mamba_construction(params)).depth);
  }
  CHECK(depths.size() == 1);
}

}  // namespace
}  // namespace tc
