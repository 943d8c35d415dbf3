// Tests of the matmul construction (circuits/float_matmul.cpp): equal to its spec on every
// input of a tiny format, equal to the exact evaluator on random and cancelling points,
// threshold-only with one depth for every p, n and shape, its per-entry cuts shared, a
// regression proof and replayed counterexamples for every mutant through the CLI.
#include <catch2/catch.hpp>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>

#include "lib/analysis.hpp"
#include "lib/float_word.hpp"
#include "lib/sat/miter.hpp"
#include "lib/simulate.hpp"
#include "specs/float_exact_sum.hpp"
#include "tests/specs/float_sum_points.hpp"
#include "tests/support/float_check.hpp"
#include "tests/support/matmul_oracle.hpp"
#include "tests/support/replay.hpp"
#include "tests/support/run_verify.hpp"
#include "verify/registry.hpp"

using namespace tc;

namespace {

const Component& matmul() {
  const Component* c = find_component("matmul");
  REQUIRE(c != nullptr);
  return *c;
}

Params shape(int p, int e, int rows, int n, int cols, const std::string& mutant = "") {
  Params params;
  params.p = p;
  params.e = e;
  params.rows = rows;
  params.n = n;
  params.cols = cols;
  params.mutant = mutant;
  return params;
}

}  // namespace

TEST_CASE("matmul construction matches its spec on every input of a tiny format", "[matmul]") {
  for (const Params& params : {shape(2, 2, 1, 2, 1), shape(2, 2, 1, 1, 2), shape(2, 2, 2, 1, 1)}) {
    const CompareResult r =
        compare_by_simulation(matmul().construction(params), matmul().spec(params), {});
    CHECK(r.complete);
    CHECK_FALSE(r.difference.has_value());
  }
}

TEST_CASE("matmul construction equals the rounded exact dot products on random points",
          "[matmul]") {
  for (const Params& params : {shape(4, 4, 2, 2, 2), shape(6, 3, 1, 3, 2), shape(3, 5, 2, 4, 1)}) {
    const FloatFormat f = float_format(params);
    const int words = params.rows * params.n + params.n * params.cols;
    auto s = std::make_shared<FloatSampler>(f, 9);
    const auto next = [s, words, params](uint64_t index, std::vector<FloatValue>& in) {
      in.clear();
      for (int i = 0; i < words; ++i) in.push_back(s->any());
      if (index % 2 == 1 && params.n > 1) {  // a_01 b_1c = -a_00 b_0c: an exact cancellation
        in[1] = test::negated(in[0]);
        in[params.rows * params.n + params.cols] = in[params.rows * params.n];
      }
    };
    const FloatOracle oracle = test::matmul_oracle(params, f);
    const FloatCheckResult r = float_check(matmul().construction(params), f, 1 << 11, next, oracle);
    INFO(r.first_mismatch);
    CHECK(r.mismatches == 0);
  }
}

TEST_CASE(
    "matmul construction and mutants are threshold-only, with one depth for every p, n "
    "and shape",
    "[matmul][depth]") {
  std::set<int> depths;
  for (const Params& params : {shape(4, 0, 1, 2, 1), shape(8, 0, 1, 4, 1), shape(12, 0, 1, 3, 1),
                               shape(4, 0, 2, 3, 3), shape(6, 6, 1, 2, 1)}) {
    const Circuit c = matmul().construction(params);
    CHECK(c.is_threshold_only());
    depths.insert(analyze(c).depth);
  }
  CHECK(depths == std::set<int>{23});
  for (const Mutant& m : matmul().mutants) {
    INFO(m.name);
    CHECK(matmul().construction(shape(3, 3, 1, 2, 2, m.name)).is_threshold_only());
  }
}

TEST_CASE("matmul construction and spec share one exact-dot cut per entry", "[matmul][cut]") {
  const Params params = shape(3, 3, 2, 2, 2);
  CHECK(
      matching_cuts(matmul().construction(params), matmul().spec(params)) ==
      std::vector<std::string>{"exact-dot-0-0", "exact-dot-0-1", "exact-dot-1-0", "exact-dot-1-1"});
}

TEST_CASE("every matmul mutant differs from the spec on random inputs of a tiny format",
          "[matmul][mutant]") {
  CompareParams random;
  random.random_rounds = 200;
  for (const Mutant& m : matmul().mutants) {
    INFO(m.name);
    const Params params = shape(2, 2, 1, 2, 2, m.name);
    CHECK(compare_by_simulation(matmul().construction(params), matmul().spec(params), random)
              .difference.has_value());
  }
}

TEST_CASE(
    "verify proves matmul at p = 3 and refutes every mutant with a replayed "
    "counterexample",
    "[matmul][cli]") {
  const std::string shape_1x2x2 = "--component matmul --rows 1 --n 2 --cols 2 --engine sat --json";
  {
    const auto r = test::run_verify(shape_1x2x2 + " --p 3 --e 3");
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["verdict"] == "proved");
    CHECK(j["shared_cuts"].size() == 2);
  }
  for (const Mutant& m : matmul().mutants) {
    INFO(m.name);
    const auto r = test::run_verify(shape_1x2x2 + " --p 2 --e 2 --mutant " + m.name);
    REQUIRE(r.exit_code == 1);
    const auto j = nlohmann::json::parse(r.out);
    Params params = matmul().defaults();
    test::apply_options(matmul(), params, shape_1x2x2 + " --p 2 --e 2");
    params.mutant = m.name;
    CHECK(test::replay_counterexample(matmul(), params, j["counterexample"]) == "");
  }
}
