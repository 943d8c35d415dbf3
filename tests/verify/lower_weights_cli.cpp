// verify --lower-weights: the construction with its large weights lowered (lib/lower_weights.hpp)
// is proved equal to the spec, has weights below twice the fan-in of the gates it replaced, keeps
// a constant depth, and a broken construction stays broken.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/support/run_verify.hpp"

using tc::test::run_verify;

namespace {

nlohmann::json verify_json(const std::string& args, int expected_exit) {
  auto r = run_verify(args + " --lower-weights --json");
  INFO(args << "\n" << r.err);
  REQUIRE(r.exit_code == expected_exit);
  return nlohmann::json::parse(r.out);
}

}  // namespace

TEST_CASE("lowered constructions prove equal to their specs with weights below twice the fan-in",
          "[cli][lower_weights]") {
  for (const std::string c : {"int-add", "int-mul", "fadd", "fmul", "fcmp", "fdiv"}) {
    const auto j = verify_json("--component " + c + " --p 4", 0);
    INFO(c);
    CHECK(j["verdict"] == "proved");
    const auto& original = j["weights_lowered"]["original"];
    if (original["max_weight"].get<int64_t>() >= 2 * original["max_fanin"].get<int64_t>())
      CHECK(j["weights_lowered"]["gates_lowered"].get<int>() > 0);
    CHECK(j["construction"]["max_weight"].get<int64_t>() <
          2 * original["max_fanin"].get<int64_t>());
  }
}

TEST_CASE("a lowered broken construction is refuted with a replayed counterexample",
          "[cli][lower_weights]") {
  const auto j = verify_json("--component fadd --p 4 --mutant ties-away-from-zero", 1);
  CHECK(j["verdict"] == "counterexample");
  CHECK(j["counterexample"]["replayed"] == true);
}

TEST_CASE("lowering keeps fadd's depth constant in p", "[cli][lower_weights]") {
  const auto at8 = verify_json("--component fadd --p 8 --stats-only", 0);
  const auto at12 = verify_json("--component fadd --p 12 --stats-only", 0);
  CHECK(at8["construction"]["depth"] == at12["construction"]["depth"]);
  CHECK(at8["construction"]["depth"].get<int>() <=
        6 * at8["weights_lowered"]["original"]["depth"].get<int>());
}

TEST_CASE("an export with --lower-weights is refused with one line", "[cli][lower_weights]") {
  auto r =
      run_verify("--component fadd --p 4 --lower-weights --stats-only --export-cnf /tmp/x.cnf");
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("--lower-weights"));
}
