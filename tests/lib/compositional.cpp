// Compositional proofs: a composition of float blocks proved as the sum of its block proofs, with
// blocks built alike proved once, a wiring mistake refuted with a real counterexample, and a
// broken block refused.
#include <catch2/catch.hpp>

#include "circuits/float_add.hpp"
#include "circuits/float_mul.hpp"
#include "circuits/float_resize.hpp"
#include "lib/compose.hpp"
#include "lib/equivalence.hpp"
#include "lib/float_word.hpp"
#include "specs/float_add.hpp"
#include "specs/float_mul.hpp"
#include "specs/float_resize.hpp"

using namespace tc;

namespace {

enum class Side { Construction, Spec };

// z = ((x + y) * w) * (x + y), widened to p + 1 bits and narrowed back (glue written per side).
// `swap_glue` feeds the last product with w instead of x + y on the construction side;
// `broken_add` uses fadd's ties-away mutant inside the construction's adder block.
Circuit composite(Side side, FloatFormat f, bool swap_glue = false, bool broken_add = false) {
  const bool c_side = side == Side::Construction;
  Circuit c(c_side ? "composite" : "composite-spec");
  const Bits x = add_float_input(c, "x", f), y = add_float_input(c, "y", f);
  const Bits w = add_float_input(c, "w", f);
  Params params = float_params(f);
  Params add_params = params;
  if (broken_add && c_side) add_params.mutant = "ties-away-from-zero";
  auto block = [&](const std::string& name, const Circuit& sub, std::vector<Bits> in) {
    return compose_embed(c, sub, in, {.block_cut = name}).output("z");
  };
  const Circuit add = c_side ? float_add_construction(add_params) : build_float_add_spec(params);
  const Circuit mul = c_side ? float_mul_construction(params) : build_float_mul_spec(params);
  const Bits s = block("sum", add, {x, y});
  const Bits t = block("product-1", mul, {s, w});
  const Bits u = block("product-2", mul, {t, swap_glue ? w : s});
  const FloatFormat wide{f.p + 1, f.e + 1};
  const Bits z = c_side ? float_narrow(c, float_widen(c, u, f, wide), wide, f)
                        : spec_float_narrow(c, spec_float_widen(c, u, f, wide), wide, f);
  add_float_output(c, "z", z, f);
  return c;
}

EquivalenceResult prove(const Circuit& a, const Circuit& b) {
  EquivalenceParams ep;
  ep.engine = Engine::Sat;
  return check_equivalence(a, b, ep);
}

}  // namespace

TEST_CASE("a composition of float blocks is proved from its block proofs", "[compositional]") {
  const FloatFormat f{3, 4};
  const EquivalenceResult r = prove(composite(Side::Construction, f), composite(Side::Spec, f));
  REQUIRE(r.verdict == Verdict::Proved);
  // Three block instances, two distinct blocks: the two products are built alike.
  REQUIRE(r.sat.blocks.size() == 2);
  int instances = 0;
  for (const auto& b : r.sat.blocks) instances += b.instances;
  CHECK(instances == 3);
  CHECK(r.sat.shared_cuts.size() == 3);
  CHECK(r.sat.composition.find("3 block instances") != std::string::npos);
}

TEST_CASE("a wiring mistake between proved blocks ends in a replayed counterexample",
          "[compositional]") {
  const FloatFormat f{3, 4};
  const EquivalenceResult r =
      prove(composite(Side::Construction, f, true), composite(Side::Spec, f));
  REQUIRE(r.verdict == Verdict::Counterexample);
  REQUIRE(r.counterexample);
  CHECK(r.counterexample->construction_outputs != r.counterexample->spec_outputs);
}

TEST_CASE("a broken block is not abstracted and the difference is found", "[compositional]") {
  const FloatFormat f{3, 4};
  const EquivalenceResult r =
      prove(composite(Side::Construction, f, false, true), composite(Side::Spec, f));
  REQUIRE(r.verdict == Verdict::Counterexample);
  CHECK(r.counterexample->construction_outputs != r.counterexample->spec_outputs);
}
