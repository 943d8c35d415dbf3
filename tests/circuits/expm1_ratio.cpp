// The phi = (e^z - 1) / z construction: equal to its spec on every input at small q,
// threshold-only, mutants caught, the same threshold rule as the spec, depth flat in q.
#include "circuits/expm1_ratio.hpp"

#include <catch2/catch.hpp>
#include <set>

#include "lib/analysis.hpp"
#include "lib/simulate.hpp"
#include "specs/expm1_ratio.hpp"

namespace tc {
namespace {

Params phi_params(int q, const std::string& mutant = "") {
  Params params;
  params.p = q;
  params.mutant = mutant;
  return params;
}

TEST_CASE("expm1_ratio construction and spec use the same series threshold", "[discretize]") {
  for (int q = 2; q <= 16; ++q) {
    INFO("q = " << q);
    CHECK(expm1_ratio_construction_threshold(q) == expm1_ratio_design(q).t);
  }
  CHECK(expm1_ratio_design(8).t == 1);
  CHECK(expm1_ratio_design(12).t == 2);
}

TEST_CASE("the expm1_ratio construction equals its spec on every input at q = 4..7",
          "[discretize]") {
  for (int q = 4; q <= 7; ++q) {
    INFO("q = " << q);
    const Circuit c = expm1_ratio_construction(phi_params(q));
    CHECK(c.is_threshold_only());
    const CompareResult r = compare_by_simulation(c, build_expm1_ratio_spec(phi_params(q)), {});
    CHECK(r.complete);
    CHECK_FALSE(r.difference.has_value());
  }
}

TEST_CASE("every expm1_ratio mutant differs from the spec at q = 4..7", "[discretize]") {
  for (int q = 4; q <= 7; ++q) {
    const Circuit spec = build_expm1_ratio_spec(phi_params(q));
    for (const Mutant& m : expm1_ratio_mutants()) {
      INFO("q = " << q << ", " << m.name);
      CHECK(compare_by_simulation(expm1_ratio_construction(phi_params(q, m.name)), spec, {})
                .difference.has_value());
    }
  }
}

TEST_CASE("the expm1_ratio construction depth is the same at q = 4, 6, 8 and 10",
          "[discretize][depth]") {
  std::set<int> depths;
  for (int q : {4, 6, 8, 10}) depths.insert(analyze(expm1_ratio_construction(phi_params(q))).depth);
  CHECK(depths.size() == 1);
}

}  // namespace
}  // namespace tc
