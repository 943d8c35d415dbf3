// The exp construction: equal to its spec on every input at small p, threshold-only, flat depth.
#include "circuits/exp.hpp"

#include <catch2/catch.hpp>
#include <set>

#include "lib/analysis.hpp"
#include "lib/simulate.hpp"
#include "specs/exp.hpp"

namespace tc {
namespace {

Params exp_params(int p, const std::string& mutant = "") {
  Params params;
  params.p = p;
  params.mutant = mutant;
  return params;
}

TEST_CASE("the exp construction equals its spec on every input at p = 3, 4 and 5", "[exp]") {
  for (int p : {3, 4, 5}) {
    INFO("p = " << p);
    const CompareResult r =
        compare_by_simulation(exp_construction(exp_params(p)), build_exp_spec(exp_params(p)), {});
    CHECK(r.complete);
    CHECK_FALSE(r.difference.has_value());
  }
}

TEST_CASE("the exp construction and its mutants are threshold-only", "[exp]") {
  CHECK(exp_construction(exp_params(4)).is_threshold_only());
  for (const Mutant& m : exp_mutants()) {
    INFO(m.name);
    CHECK(exp_construction(exp_params(4, m.name)).is_threshold_only());
  }
}

TEST_CASE("every circuit-level exp mutant differs from the spec at p = 4", "[exp]") {
  const Circuit spec = build_exp_spec(exp_params(4));
  for (const Mutant& m : exp_mutants()) {
    INFO(m.name);
    const bool differs = compare_by_simulation(exp_construction(exp_params(4, m.name)), spec, {})
                             .difference.has_value();
    CHECK(differs == !m.lemma_only);
  }
}

TEST_CASE("the exp construction depth is the same at p = 4, 8 and 12", "[exp][depth]") {
  std::set<int> depths;
  for (int p : {4, 8, 12}) depths.insert(analyze(exp_construction(exp_params(p))).depth);
  CHECK(depths.size() == 1);
}

}  // namespace
}  // namespace tc
