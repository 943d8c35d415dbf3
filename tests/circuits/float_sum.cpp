// Tests of the fsum construction (circuits/float_sum.cpp): equal to its spec on every input of
// tiny formats, equal to the exact evaluator on directed points, threshold-only, the same depth
// at every p and n, the exact-sum cut shared, regression proofs and replayed counterexamples
// for every mutant through the CLI, and a step-by-step counterexample where rounding order
// matters.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "lib/analysis.hpp"
#include "lib/float_word.hpp"
#include "lib/sat/miter.hpp"
#include "lib/simulate.hpp"
#include "specs/float_exact_sum.hpp"
#include "tests/specs/float_sum_points.hpp"
#include "tests/support/float_check.hpp"
#include "tests/support/replay.hpp"
#include "tests/support/run_verify.hpp"
#include "verify/registry.hpp"

using namespace tc;

namespace {

const Component& fsum() {
  const Component* c = find_component("fsum");
  REQUIRE(c != nullptr);
  return *c;
}

Params sum_params(int p, int e, int n, const std::string& mutant = "") {
  Params params;
  params.p = p;
  params.e = e;
  params.n = n;
  params.mutant = mutant;
  return params;
}

// "-9 * 2^3 (...)" or "0", as printed by verify for a float word.
FloatValue parse_float(const std::string& text) {
  if (text == "0") return {};
  std::smatch m;
  const std::regex pattern(R"(^(-?)(\d+) \* 2\^(-?\d+))");
  REQUIRE(std::regex_search(text, m, pattern));
  return {m[1] == "-", std::stoull(m[2]), std::stoll(m[3])};
}

}  // namespace

TEST_CASE("fsum construction matches its spec on every input of tiny formats", "[fsum]") {
  for (auto [p, e, n] : {std::tuple{2, 2, 2}, std::tuple{2, 2, 3}, std::tuple{3, 3, 2},
                         std::tuple{4, 3, 2}, std::tuple{2, 3, 3}}) {
    INFO("p = " << p << ", e = " << e << ", n = " << n);
    const CompareResult r = compare_by_simulation(fsum().construction(sum_params(p, e, n)),
                                                  fsum().spec(sum_params(p, e, n)), {});
    CHECK(r.complete);
    CHECK_FALSE(r.difference.has_value());
  }
}

TEST_CASE("fsum construction equals the rounded exact sum on directed points", "[fsum]") {
  for (auto [p, e, n] :
       {std::tuple{6, 4, 4}, std::tuple{6, 7, 3}, std::tuple{8, 4, 8}, std::tuple{5, 5, 5}}) {
    const FloatFormat f{p, e};
    const FloatCheckResult r = float_check(
        fsum().construction(sum_params(p, e, n)), f, 1 << 12, test::sum_points(f, n, 17),
        [f](const std::vector<FloatValue>& in) -> std::vector<std::vector<bool>> {
          return {float_to_bits(exact_sum(in, f), f)};
        });
    INFO("p = " << p << ", e = " << e << ", n = " << n << ": " << r.first_mismatch);
    CHECK(r.mismatches == 0);
  }
}

TEST_CASE("fsum construction and mutants are threshold-only, with one depth for every p and n",
          "[fsum][depth]") {
  std::set<int> depths;
  for (int p : {4, 6, 8, 10, 12})
    for (int n : {2, 4, 8}) {
      const Circuit c = fsum().construction(sum_params(p, 0, n));
      CHECK(c.is_threshold_only());
      depths.insert(analyze(c).depth);
    }
  CHECK(depths == std::set<int>{20});
  for (const Mutant& m : fsum().mutants) {
    INFO(m.name);
    CHECK(fsum().construction(sum_params(4, 3, 3, m.name)).is_threshold_only());
  }
}

TEST_CASE("fsum construction and spec declare the same exact-sum cut", "[fsum][cut]") {
  // That the miter proves and shares it is checked through the CLI below (shared_cuts).
  const Params params = sum_params(4, 3, 3);
  CHECK(matching_cuts(fsum().construction(params), fsum().spec(params)) ==
        std::vector<std::string>{"exact-sum"});
}

TEST_CASE(
    "every fsum mutant differs from the spec on a tiny format; far-terms-dropped only "
    "from n = 3",
    "[fsum][mutant]") {
  for (const Mutant& m : fsum().mutants) {
    INFO(m.name);
    const Params params = sum_params(2, 3, 3, m.name);
    CHECK(compare_by_simulation(fsum().construction(params), fsum().spec(params), {})
              .difference.has_value());
  }
  // With two operands, dropping one that lies p + 2 binades below the other is exact (the
  // fadd far-path argument), so that mutant is a mistake only for n >= 3.
  const Params two = sum_params(3, 3, 2, "far-terms-dropped");
  const CompareResult r = compare_by_simulation(fsum().construction(two), fsum().spec(two), {});
  CHECK(r.complete);
  CHECK_FALSE(r.difference.has_value());
}

TEST_CASE("verify proves fsum at p = 4 for n = 2 and 3", "[fsum][cli]") {
  for (const char* n : {"2", "3"}) {
    const auto r =
        test::run_verify(std::string("--component fsum --p 4 --n ") + n + " --engine sat --json");
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["verdict"] == "proved");
    CHECK(j["shared_cuts"].size() == 1);
  }
}

TEST_CASE("every fsum mutant ends in a replayed counterexample at p = 3, n = 3",
          "[fsum][cli][mutant]") {
  for (const Mutant& m : fsum().mutants) {
    INFO(m.name);
    const auto r = test::run_verify(
        "--component fsum --p 3 --n 3 --e 3 --engine sat --json --mutant " + m.name);
    REQUIRE(r.exit_code == 1);
    const auto j = nlohmann::json::parse(r.out);
    Params params = fsum().defaults();
    test::apply_options(fsum(), params, "--p 3 --n 3 --e 3");
    params.mutant = m.name;
    CHECK(test::replay_counterexample(fsum(), params, j["counterexample"]) == "");
    CHECK(j["counterexample"]["differing_outputs"] == nlohmann::json::array({"z"}));
    if (m.name != "step-by-step-rounding") continue;
    // The counterexample is a point where the order of rounding matters: the exact sum rounded
    // once differs from the left-to-right rounded sum, and the spec prints the former.
    const FloatFormat f{3, 3};
    std::vector<FloatValue> xs;
    for (const char* word : {"x0", "x1", "x2"})
      xs.push_back(parse_float(j["counterexample"]["inputs"][word]));
    CHECK(exact_sum(xs, f) != stepwise_sum(xs, f));
    CHECK(parse_float(j["counterexample"]["spec_output"]["z"]) == exact_sum(xs, f));
    CHECK(parse_float(j["counterexample"]["construction_output"]["z"]) == stepwise_sum(xs, f));
  }
}
