// The Mamba block composition: equal to its spec on every input at the default sizes, every
// mutant caught at every p tested, threshold-only, depth flat in p.
#include <catch2/catch.hpp>

#include <set>

#include "circuits/mamba.hpp"
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

TEST_CASE("mamba equals its spec on every input at p = 2 and 3 (L = 2, N = D = 1, K = 2)",
          "[mamba]") {
  for (int p : {2, 3}) {
    INFO("p = " << p);
    const Circuit c = mamba_construction(mamba_params(p));
    CHECK(c.is_threshold_only());
    const EquivalenceResult r = check_equivalence(c, build_mamba_spec(mamba_params(p)), {});
    CHECK(r.engine == Engine::Sim);
    CHECK(r.verdict == Verdict::Proved);
  }
}

TEST_CASE("every mamba mutant is caught at p = 2 and 3", "[mamba][mutants]") {
  for (int p : {2, 3}) {
    const Circuit spec = build_mamba_spec(mamba_params(p));
    for (const Mutant& m : mamba_mutants()) {
      INFO("p = " << p << ", mutant " << m.name);
      const Circuit c = mamba_construction(mamba_params(p, m.name));
      CHECK(c.is_threshold_only());
      const EquivalenceResult r = check_equivalence(c, spec, {});
      CHECK(r.verdict == Verdict::Counterexample);
    }
  }
}

TEST_CASE("mamba depth is the same at p = 2 and 3", "[mamba][depth]") {
  std::set<int> depths;
  for (int p : {2, 3}) depths.insert(analyze(mamba_construction(mamba_params(p))).depth);
  CHECK(depths.size() == 1);
}

}  // namespace
}  // namespace tc
