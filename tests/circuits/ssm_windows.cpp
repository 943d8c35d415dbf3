// Tests of cluster-window sums in the SSM parts (circuits/float_sum_window.hpp's
// fsw_block_params): with --windows (scan, conv-ssm), and by default in the others (conv1d,
// conv-kernel, selection and the two layers; --aligned there keeps the exponent-aligned sums),
// every fsum and matmul block of the composite is built by cluster windows, the composite still
// equals its spec (whose blocks stay exponent-aligned), and the block proofs go through at small
// widths. Their growth in p is checked in tests/verify/size_growth.cpp.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "lib/simulate.hpp"
#include "tests/support/run_verify.hpp"
#include "verify/registry.hpp"

using namespace tc;

namespace {

constexpr const char* kParts[] = {"scan",      "conv-kernel",   "conv-ssm", "conv1d",
                                  "selection", "selective-ssm", "mamba"};
// A part built with windows by default declares --aligned for the exponent-aligned sums (conv1d,
// conv-kernel, selection and the two layers); the others declare --windows (scan, conv-ssm).
bool windows_by_default(const Component& c) { return c.declares("aligned"); }

const Component& component(const std::string& name) {
  const Component* c = find_component(name);
  REQUIRE(c != nullptr);
  return *c;
}

// The part at width p with window sums or aligned ones: for the five parts built with windows by
// default, windows is no flag at all (the default is what is tested) and aligned is --aligned.
Params at(const Component& c, int p, bool windows) {
  Params params = c.defaults();
  params.p = p;
  if (!windows_by_default(c) && windows) params.flags.insert("windows");
  if (windows_by_default(c) && !windows) params.flags.insert("aligned");
  return params;
}

// Cut points the aligned blocks declare (float_sum.cpp's "exact-sum", float_matmul.cpp's
// "exact-dot-r-c"), re-declared under the block's name where the composite keeps inner cuts.
int aligned_cuts(const Circuit& c) {
  int count = 0;
  for (const auto& cut : c.cuts())
    count += cut.name.find("exact-sum") != std::string::npos ||
             cut.name.find("exact-dot") != std::string::npos;
  return count;
}

}  // namespace

TEST_CASE("windows reach every fsum and matmul block of the SSM parts (the default of five)",
          "[ssm][windows]") {
  for (const char* name : kParts) {
    INFO(name);
    const Component& c = component(name);
    CHECK(c.declares("aligned") != c.declares("windows"));  // one of the two, not both
    const Circuit aligned = c.construction(at(c, 3, false));
    const Circuit windows = c.construction(at(c, 3, true));
    CHECK(aligned_cuts(aligned) > 0);  // the check below can see an aligned block
    CHECK(aligned_cuts(windows) == 0);
  }
}

TEST_CASE("the SSM parts with window sums equal their specs on random valid inputs at p = 4",
          "[ssm][windows]") {
  CompareParams random;
  random.random_rounds = 64;
  random.valid_floats = true;
  for (const char* name : kParts) {
    INFO(name);
    const Component& c = component(name);
    const Params params = at(c, 4, true);
    const CompareResult r = compare_by_simulation(c.construction(params), c.spec(params), random);
    CHECK(r.valid_points > 0);
    CHECK_FALSE(r.difference.has_value());
  }
}

TEST_CASE("a mutant of an SSM part is still caught with window sums", "[ssm][windows][mutant]") {
  // scan's first mutant (the decay product one factor too long) at p = 3 by random simulation.
  const Component& c = component("scan");
  Params params = at(c, 3, true);
  params.mutant = c.mutants.front().name;
  CompareParams random;
  random.random_rounds = 64;
  random.valid_floats = true;
  CHECK(
      compare_by_simulation(c.construction(params), c.spec(params), random).difference.has_value());
}

TEST_CASE("verify proves conv1d, conv-kernel and scan with windows at p = 2 and conv-kernel at 3",
          "[ssm][windows][cli]") {
  for (const char* args : {"--component conv1d --p 2", "--component conv-kernel --p 2",
                           "--component scan --p 2 --windows", "--component conv-kernel --p 3"}) {
    const auto r = test::run_verify(std::string(args) + " --json");
    INFO(args << "\n" << r.out << r.err);
    CHECK(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["verdict"] == "proved");
  }
}
