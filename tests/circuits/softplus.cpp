// The softplus construction: equal to its spec on every input at small p, threshold-only,
// mutants caught by simulation, depth flat in p.
#include "circuits/softplus.hpp"

#include <catch2/catch.hpp>
#include <set>

#include "lib/analysis.hpp"
#include "lib/simulate.hpp"
#include "specs/softplus.hpp"

namespace tc {
namespace {

Params softplus_params(int p, const std::string& mutant = "") {
  Params params;
  params.p = p;
  params.mutant = mutant;
  return params;
}

TEST_CASE("softplus construction and spec use the same internal precision p1", "[softplus]") {
  for (int p = 2; p <= 12; ++p) {
    INFO("p = " << p);
    CHECK(softplus_construction_p1(p) == softplus_design(p).p1);
  }
  CHECK_THROWS(softplus_construction_p1(13));
}

TEST_CASE("the softplus construction equals its spec on every input at p = 3 and 4", "[softplus]") {
  for (int p : {3, 4}) {
    INFO("p = " << p);
    const Circuit c = softplus_construction(softplus_params(p));
    CHECK(c.is_threshold_only());
    const CompareResult r = compare_by_simulation(c, build_softplus_spec(softplus_params(p)), {});
    CHECK(r.complete);
    CHECK_FALSE(r.difference.has_value());
  }
}

TEST_CASE("every circuit-level softplus mutant differs from the spec at p = 4", "[softplus]") {
  const Circuit spec = build_softplus_spec(softplus_params(4));
  for (const Mutant& m : softplus_mutants()) {
    INFO(m.name);
    const Circuit c = softplus_construction(softplus_params(4, m.name));
    CHECK(c.is_threshold_only());
    const bool differs = compare_by_simulation(c, spec, {}).difference.has_value();
    CHECK(differs == !m.lemma_only);
  }
}

TEST_CASE("the softplus construction depth is the same at p = 3 and 5", "[softplus][depth]") {
  std::set<int> depths;
  for (int p : {3, 5}) depths.insert(analyze(softplus_construction(softplus_params(p))).depth);
  CHECK(depths.size() == 1);
}

TEST_CASE("the softplus construction depth is the same at p = 4, 6, 8, 10 and 12",
          "[.slow][softplus][depth]") {
  std::set<int> depths;
  for (int p : {4, 6, 8, 10, 12})
    depths.insert(analyze(softplus_construction(softplus_params(p))).depth);
  CHECK(depths.size() == 1);
}

}  // namespace
}  // namespace tc
