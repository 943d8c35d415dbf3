// The silu construction: equal to its spec on every input at small p, threshold-only, mutants
// caught by simulation, depth flat in p.
#include "circuits/silu.hpp"

#include <catch2/catch.hpp>
#include <set>

#include "lib/analysis.hpp"
#include "lib/simulate.hpp"
#include "specs/silu.hpp"

namespace tc {
namespace {

Params silu_params(int p, const std::string& mutant = "") {
  Params params;
  params.p = p;
  params.mutant = mutant;
  return params;
}

TEST_CASE("silu construction and spec use the same internal precision p1", "[silu]") {
  for (int p = 2; p <= 13; ++p) {
    INFO("p = " << p);
    CHECK(silu_construction_p1(p) == silu_design(p).p1);
  }
  CHECK_THROWS(silu_construction_p1(14));
  CHECK_THROWS(silu_design(14));
}

TEST_CASE("the silu construction equals its spec on every input at p = 3 and 4", "[silu]") {
  for (int p : {3, 4}) {
    INFO("p = " << p);
    const Circuit c = silu_construction(silu_params(p));
    CHECK(c.is_threshold_only());
    const CompareResult r = compare_by_simulation(c, build_silu_spec(silu_params(p)), {});
    CHECK(r.complete);
    CHECK_FALSE(r.difference.has_value());
  }
}

TEST_CASE("the silu construction equals its spec on every input at p = 2, 5 and 6",
          "[.slow][silu]") {
  for (int p : {2, 5, 6}) {
    INFO("p = " << p);
    const CompareResult r = compare_by_simulation(silu_construction(silu_params(p)),
                                                  build_silu_spec(silu_params(p)), {});
    CHECK(r.complete);
    CHECK_FALSE(r.difference.has_value());
  }
}

TEST_CASE("every circuit-level silu mutant differs from the spec at p = 4", "[silu]") {
  const Circuit spec = build_silu_spec(silu_params(4));
  for (const Mutant& m : silu_mutants()) {
    INFO(m.name);
    const Circuit c = silu_construction(silu_params(4, m.name));
    CHECK(c.is_threshold_only());
    const bool differs = compare_by_simulation(c, spec, {}).difference.has_value();
    CHECK(differs == !m.lemma_only);
  }
}

TEST_CASE("the silu construction depth is the same at p = 4 and 6", "[silu][depth]") {
  std::set<int> depths;
  for (int p : {4, 6}) depths.insert(analyze(silu_construction(silu_params(p))).depth);
  CHECK(depths.size() == 1);
}

TEST_CASE("the silu construction depth is the same at p = 4, 8 and 10", "[.slow][silu][depth]") {
  std::set<int> depths;
  for (int p : {4, 8, 10}) depths.insert(analyze(silu_construction(silu_params(p))).depth);
  CHECK(depths.size() == 1);
}

}  // namespace
}  // namespace tc
