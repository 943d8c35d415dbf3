// Tests of the cluster-window exact sum (circuits/float_sum_window.cpp), through fsum --windows
// and matmul --windows at the paper's exponent width E = p + 1: equal to the spec on every input
// of tiny formats, equal to the exact evaluator on directed and random points up to p = 12,
// threshold-only with one depth, every mutant still caught, and a SAT proof through the CLI.
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
#include "tests/support/run_verify.hpp"
#include "verify/registry.hpp"

using namespace tc;

namespace {

const Component& component(const char* name) {
  const Component* c = find_component(name);
  REQUIRE(c != nullptr);
  return *c;
}

// fsum (rows = cols = 0) or matmul parameters with --windows.
Params windows(int p, int e, int n, int rows = 0, int cols = 0, const std::string& mutant = "") {
  Params params;
  params.p = p;
  params.e = e;
  params.n = n;
  if (rows > 0) params.rows = rows;
  if (cols > 0) params.cols = cols;
  params.mutant = mutant;
  params.flags.insert("windows");
  return params;
}

}  // namespace

TEST_CASE("fsum windows match the spec on every input of tiny formats at E = p + 1",
          "[fsum][windows]") {
  for (auto [p, n] : {std::pair{2, 2}, std::pair{2, 3}, std::pair{3, 2}}) {
    INFO("p = " << p << ", n = " << n);
    const Params params = windows(p, p + 1, n);
    const CompareResult r = compare_by_simulation(component("fsum").construction(params),
                                                  component("fsum").spec(params), {});
    CHECK(r.complete);
    CHECK_FALSE(r.difference.has_value());
  }
}

TEST_CASE("fsum windows equal the rounded exact sum on directed points at E = p + 1",
          "[fsum][windows]") {
  for (auto [p, n] : {std::pair{4, 3}, std::pair{6, 4}, std::pair{8, 8}, std::pair{12, 5}}) {
    const FloatFormat f{p, p + 1};
    const FloatCheckResult r =
        float_check(component("fsum").construction(windows(p, p + 1, n)), f, 1 << 11,
                    test::sum_points(f, n, 23),
                    [f](const std::vector<FloatValue>& in) -> std::vector<std::vector<bool>> {
                      return {float_to_bits(exact_sum(in, f), f)};
                    });
    INFO("p = " << p << ", n = " << n << ": " << r.first_mismatch);
    CHECK(r.mismatches == 0);
  }
}

TEST_CASE("matmul windows equal the rounded exact dot products at E = p + 1", "[matmul][windows]") {
  {
    const Params params = windows(2, 3, 2, 1, 1);
    const CompareResult r = compare_by_simulation(component("matmul").construction(params),
                                                  component("matmul").spec(params), {});
    CHECK(r.complete);
    CHECK_FALSE(r.difference.has_value());
  }
  for (const Params& params : {windows(4, 5, 3, 1, 1), windows(6, 7, 3, 1, 1)}) {
    const FloatFormat f = float_format(params);
    const int words = params.rows * params.n + params.n * params.cols;
    auto s = std::make_shared<FloatSampler>(f, 5);
    const auto next = [s, words, params](uint64_t index, std::vector<FloatValue>& in) {
      in.clear();
      for (int i = 0; i < words; ++i) in.push_back(s->any());
      if (index % 2 == 1) {  // a_01 b_1c = -a_00 b_0c: an exact cancellation
        in[1] = test::negated(in[0]);
        in[params.rows * params.n + params.cols] = in[params.rows * params.n];
      }
    };
    const FloatOracle oracle = test::matmul_oracle(params, f);
    const FloatCheckResult r =
        float_check(component("matmul").construction(params), f, 1 << 9, next, oracle);
    INFO("p = " << params.p << ": " << r.first_mismatch);
    CHECK(r.mismatches == 0);
  }
}

TEST_CASE("windows are threshold-only, depth 30 for fsum (29 at n = 2) and 31 for matmul",
          "[fsum][matmul][windows][depth]") {
  // Constant in p and E; n = 2 has no third cluster between two, so one layer less. Polynomial
  // growth at E = p + 1 is checked by tests/verify/size_growth.cpp.
  for (int p : {4, 8, 12}) {
    INFO("p = " << p);
    std::set<int> depths;
    for (int n : {3, 5}) {
      const Circuit c = component("fsum").construction(windows(p, p + 1, n));
      CHECK(c.is_threshold_only());
      depths.insert(analyze(c).depth);
    }
    CHECK(depths == std::set<int>{30});
    CHECK(analyze(component("fsum").construction(windows(p, p + 1, 2))).depth == 29);
    const Circuit m = component("matmul").construction(windows(p, p + 1, 3, 1, 1));
    CHECK(m.is_threshold_only());
    CHECK(analyze(m).depth == 31);
  }
}

TEST_CASE("every fsum and matmul mutant is caught with windows",
          "[fsum][matmul][windows][mutant]") {
  for (const Mutant& m : component("fsum").mutants) {
    INFO("fsum " << m.name);
    const Params params = windows(2, 3, 3, 0, 0, m.name);
    CHECK(compare_by_simulation(component("fsum").construction(params),
                                component("fsum").spec(params), {})
              .difference.has_value());
  }
  CompareParams random;
  random.random_rounds = 200;
  for (const Mutant& m : component("matmul").mutants) {
    INFO("matmul " << m.name);
    const Params params = windows(2, 3, 2, 1, 2, m.name);
    CHECK(compare_by_simulation(component("matmul").construction(params),
                                component("matmul").spec(params), random)
              .difference.has_value());
  }
}

TEST_CASE("verify proves fsum with windows by SAT at p = 3, E = 4, n = 2", "[fsum][windows][cli]") {
  const auto r =
      test::run_verify("--component fsum --p 3 --e 4 --n 2 --windows --engine sat --json");
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["verdict"] == "proved");
  CHECK(j["shared_cuts"].empty());  // nothing shared: the proof covers the whole sum
}
