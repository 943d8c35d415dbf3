// The conv1d construction: threshold-only, equal to its spec (weights as inputs and as
// constants), every mutant caught at every p tested, depth flat in p and L, weights checked.
#include "circuits/conv1d.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "lib/analysis.hpp"
#include "lib/equivalence.hpp"
#include "specs/conv1d.hpp"

namespace tc {
namespace {

Params conv_params(int p, int L, int D, int K, const std::string& mutant = "") {
  Params params;
  params.p = p;
  params.L = L;
  params.D = D;
  params.K = K;
  params.mutant = mutant;
  return params;
}

// A kernel with distinct taps and a nonzero bias, values of every format with p >= 2.
Params with_weights(Params params) {
  if (params.flag("dense"))
    params.weights["w"] = {{3, -1}, {-1, 0}, {1, 1}, {-3, -2}};  // K = 1, D = 2: 1.5 -1 2 -0.75
  else if (params.K == 3)
    params.weights["w"] = {{3, -1}, {-1, 0}, {3, -2}};  // K = 3, D = 1: 1.5, -1, 0.75
  else
    params.weights["w"] = {{3, -1}, {-1, 0}};  // K = 2, D = 1: 1.5, -1
  params.weights["bias"] = std::vector<FloatConstant>(params.D, FloatConstant{1, -2});
  return params;
}

EquivalenceResult prove(const Params& params, Engine engine = Engine::Auto) {
  EquivalenceParams ep;
  ep.engine = engine;
  return check_equivalence(conv1d_construction(params), build_conv1d_spec(params), ep);
}

TEST_CASE("conv1d with constant weights equals its spec at p = 2, 3 and 4 (L = 2, K = 2)",
          "[conv1d]") {
  for (int p : {2, 3, 4}) {
    INFO("p = " << p);
    const Params params = with_weights(conv_params(p, 2, 1, 2));
    const Circuit c = conv1d_construction(params);
    CHECK(c.is_threshold_only());
    CHECK(c.input_words().size() == 2);  // the weights are constants
    const EquivalenceResult r = prove(params);
    CHECK(r.engine == Engine::Sim);
    CHECK(r.verdict == Verdict::Proved);
  }
}

TEST_CASE("conv1d with every weight a circuit input equals its spec at p = 2 (L = K = 1)",
          "[conv1d]") {
  const Params params = conv_params(2, 1, 1, 1);
  CHECK(conv1d_construction(params).input_words().size() == 3);  // x0_0, w0_0, bias0
  CHECK(prove(params).verdict == Verdict::Proved);
}

// Every weight an input and more than one tap: 24 input bits by simulation, 30 by the plain SAT
// miter (about 15 s of CPU each; p = 3 does not finish in 120 s without block proofs).
TEST_CASE("conv1d with every weight a circuit input equals its spec at p = 2 (L = 2, K = 1 and 2)",
          "[.slow][conv1d]") {
  CHECK(prove(conv_params(2, 2, 1, 1)).verdict == Verdict::Proved);
  CHECK(prove(conv_params(2, 2, 1, 2), Engine::Sat).verdict == Verdict::Proved);
}

TEST_CASE("dense conv1d (every channel into every channel) equals its spec at p = 2 and 3",
          "[conv1d]") {
  for (int p : {2, 3}) {
    INFO("p = " << p);
    Params params = conv_params(p, 1, 2, 1);
    params.flags.insert("dense");
    CHECK(prove(with_weights(params)).verdict == Verdict::Proved);
  }
}

TEST_CASE("every conv1d mutant ends in a replayed counterexample at p = 2, 3 and 4", "[conv1d]") {
  for (int p : {2, 3, 4})
    for (const Mutant& m : conv1d_mutants()) {
      INFO("p = " << p << ", mutant " << m.name);
      const Params params = with_weights(conv_params(p, 2, 1, 2, m.name));
      CHECK(conv1d_construction(params).is_threshold_only());
      const EquivalenceResult r = prove(params);
      CHECK(r.verdict == Verdict::Counterexample);
      CHECK(r.counterexample.has_value());
    }
}

// Matmul's depth, 23, wherever some output sums at least two products of inputs. One exception,
// stated here so that a change shows: with K = 1 and D = 1 every output is w x + bias * 1, a
// two-term dot product with a constant operand, which folds to depth 21 at p <= 3.
// Matmul's depth, 23, wherever some output sums at least two products of inputs. One exception,
// stated here so that a change shows: with one tap per output (K = 1 or L = 1, depthwise) every
// output is w x + bias * 1, a two-term dot product with a constant operand, which folds to depth
// 21 at p <= 3. Constant weights fold further (20 at p = 2), the same at every L >= 2.
// K = 3 separates padding-right (x_(t+k)) from causal-off-by-one (x_(t-1+k)), equal at K = 2.
TEST_CASE("conv1d with K = 3 equals its spec and every mutant is caught (p = 2, L = 3)",
          "[conv1d]") {
  CHECK(prove(with_weights(conv_params(2, 3, 1, 3))).verdict == Verdict::Proved);
  for (const Mutant& m : conv1d_mutants()) {
    INFO("mutant " << m.name);
    CHECK(prove(with_weights(conv_params(2, 3, 1, 3, m.name))).verdict == Verdict::Counterexample);
  }
  // The two window mistakes are different circuits at K = 3.
  const EquivalenceResult r = check_equivalence(
      conv1d_construction(with_weights(conv_params(2, 3, 1, 3, "padding-right"))),
      conv1d_construction(with_weights(conv_params(2, 3, 1, 3, "causal-off-by-one"))), {});
  CHECK(r.verdict == Verdict::Counterexample);
}

TEST_CASE("every conv1d mutant ends in a replayed counterexample at p = 5 and 6", "[conv1d]") {
  for (int p : {5, 6})
    for (const Mutant& m : conv1d_mutants()) {
      INFO("p = " << p << ", mutant " << m.name);
      CHECK(prove(with_weights(conv_params(p, 2, 1, 2, m.name))).verdict ==
            Verdict::Counterexample);
    }
}

TEST_CASE("the conv1d depth is 23 at every p and every L", "[conv1d][depth]") {
  for (int p = 2; p <= 5; ++p) {
    INFO("p = " << p);
    CHECK(analyze(conv1d_construction(conv_params(p, 3, 1, 2))).depth == 23);
    CHECK(analyze(conv1d_construction(conv_params(p, 2, 1, 1))).depth == (p <= 3 ? 21 : 23));
  }
  std::set<int> constant_weights;
  CHECK(analyze(conv1d_construction(conv_params(3, 1, 1, 4))).depth == 21);
  CHECK(analyze(conv1d_construction(conv_params(4, 1, 1, 4))).depth == 23);
  for (int L = 2; L <= 6; ++L) {
    INFO("L = " << L);
    CHECK(analyze(conv1d_construction(conv_params(3, L, 1, 4))).depth == 23);
    constant_weights.insert(
        analyze(conv1d_construction(with_weights(conv_params(2, L, 1, 2)))).depth);
  }
  CHECK(constant_weights.size() == 1);
  CHECK(*constant_weights.begin() <= 23);
  // Constant weights fold a p-dependent number of layers (the registry's depth note), never add.
  for (int p = 2; p <= 6; ++p) {
    INFO("constant weights, p = " << p);
    CHECK(analyze(conv1d_construction(with_weights(conv_params(p, 3, 1, 2)))).depth <= 23);
  }
  Params dense = conv_params(3, 3, 2, 2);
  dense.flags.insert("dense");
  CHECK(analyze(conv1d_construction(dense)).depth == 23);
}

// The block names pair construction and spec blocks for the compositional proof: the same set
// on both sides, every one a block, one per output.
TEST_CASE("conv1d construction and spec declare the same blocks", "[conv1d]") {
  Params params = conv_params(3, 3, 2, 2);
  params.flags.insert("dense");
  std::set<std::string> construction, spec;
  const Circuit c = conv1d_construction(params), s = build_conv1d_spec(params);
  for (const auto& cut : c.cuts())
    if (cut.block) construction.insert(cut.name);
  for (const auto& cut : s.cuts())
    if (cut.block) spec.insert(cut.name);
  CHECK(construction.size() == 3 * 2);
  CHECK(construction.count("y-2-1") == 1);
  CHECK(construction == spec);
}

TEST_CASE("conv1d refuses weights that are not values of the format, naming the field",
          "[conv1d]") {
  Params params = with_weights(conv_params(2, 2, 1, 2));
  params.weights["w"] = {{5, 0}, {1, 0}};  // 5 needs three significant bits
  CHECK_THROWS_WITH(conv1d_construction(params), Catch::Contains("w[0]"));
  CHECK_THROWS_WITH(build_conv1d_spec(params), Catch::Contains("w[0]"));
  params.weights["w"] = {{1, 0}};  // K D = 2 values needed
  CHECK_THROWS_WITH(conv1d_construction(params), Catch::Contains("'w'"));
  params.weights["w"] = {{1, 0}, {1, 100}};  // exponent beyond E = 3 bits
  CHECK_THROWS_AS(conv1d_construction(params), std::invalid_argument);
}

}  // namespace
}  // namespace tc
