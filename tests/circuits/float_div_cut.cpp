// Tests of the decomposed fdiv proof: the thermometer quotient block is proved equal to the spec's
// long division on zero or normalized significands, every valid input lies there, so the miter
// shares the spec's block without a mux and the thermometer leaves the SAT obligations. A wrong
// thermometer must still be refuted, through the unshared miter.
#include <catch2/catch.hpp>

#include "lib/equivalence.hpp"
#include "lib/sat/cut_points.hpp"
#include "lib/simulate.hpp"
#include "verify/registry.hpp"

using namespace tc;

namespace {

Params fdiv_params(int p, const std::string& mutant = "") {
  Params params;
  params.p = p;
  params.mutant = mutant;
  if (mutant == "thermometer-not-one-hot") params.flags.insert("thermometer");  // its quotient
  return params;
}

EquivalenceResult fdiv_by_sat(int p, const std::string& mutant = "") {
  const Component* comp = find_component("fdiv");
  REQUIRE(comp != nullptr);
  EquivalenceParams ep;
  ep.engine = Engine::Sat;
  return check_equivalence(comp->construction(fdiv_params(p, mutant)), comp->spec(fdiv_params(p)),
                           ep);
}

Circuit quotient_block(const Circuit& c) {
  const Circuit::Cut* cut = find_cut(c, "significand-quotient");
  REQUIRE(cut != nullptr);
  std::optional<Circuit> block = extract_cut_block(c, *cut);
  REQUIRE(block.has_value());
  return std::move(*block);
}

}  // namespace

TEST_CASE(
    "fdiv proves with its quotient shared unconditionally and the spec's long division on "
    "both sides",
    "[fdiv][cut]") {
  for (int p : {3, 5}) {
    INFO("p = " << p);
    const EquivalenceResult r = fdiv_by_sat(p);
    CHECK(r.verdict == Verdict::Proved);
    REQUIRE(r.sat.shared_cuts.size() == 1);
    CHECK(r.sat.shared_cuts[0].name == "significand-quotient");
    CHECK(r.sat.shared_cuts[0].unconditional);
    CHECK(r.sat.shared_cuts[0].spec_block_kept);
  }
}

TEST_CASE("the fdiv quotient blocks agree on zero or normalized significands only", "[fdiv][cut]") {
  const Component* comp = find_component("fdiv");
  REQUIRE(comp != nullptr);
  const int p = 4;
  // Extracted blocks carry the cut's assumption as their input constraint.
  const Circuit construction = quotient_block(comp->construction(fdiv_params(p)));
  const Circuit spec = quotient_block(comp->spec(fdiv_params(p)));
  const CompareResult r = compare_by_simulation(construction, spec, {});
  CHECK(r.complete);
  CHECK(r.valid_points == 9 * 9);  // 0 and 2^(p-1) .. 2^p - 1 for each operand
  CHECK_FALSE(r.difference.has_value());
  // m_x = 1, m_y = 3 is neither: the thermometer's candidates start at 2^p, while
  // floor(2^(p+1) / 3) = 10. The assumption is needed, and the miter proves it holds.
  std::vector<bool> in(2 * p, false);
  in[0] = true;
  in[p] = in[p + 1] = true;
  CHECK_FALSE(satisfies_constraints(construction, in));
  CHECK(simulate_outputs(construction, in) != simulate_outputs(spec, in));
}

TEST_CASE(
    "a wrong thermometer decoding is refuted at p = 4 and 6 although the block is not "
    "shared",
    "[fdiv][cut][mutant]") {
  for (int p : {4, 6}) {
    INFO("p = " << p);
    const EquivalenceResult r = fdiv_by_sat(p, "thermometer-not-one-hot");
    CHECK(r.sat.shared_cuts.empty());
    CHECK(r.sat.unshared_cuts.size() == 1);
    REQUIRE(r.verdict == Verdict::Counterexample);
    CHECK(r.counterexample->differing_words == std::vector<std::string>{"z"});
  }
}
