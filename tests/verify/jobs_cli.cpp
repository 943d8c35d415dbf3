// verify --jobs N: the report, the errors and the exit code are those of --jobs 1.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/support/run_verify.hpp"

using tc::test::run_verify;

namespace {

// A JSON report line without its timings (the only part that may differ from run to run).
nlohmann::json without_seconds(nlohmann::json j) {
  if (j.is_object()) {
    j.erase("seconds");
    for (auto& [key, value] : j.items()) value = without_seconds(value);
  } else if (j.is_array()) {
    for (auto& value : j) value = without_seconds(value);
  }
  return j;
}

std::vector<nlohmann::json> json_lines(const std::string& out) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);)
    lines.push_back(without_seconds(nlohmann::json::parse(line)));
  return lines;
}

}  // namespace

TEST_CASE("verify --all --jobs 2 prints the reports of --jobs 1 in registry order", "[cli][jobs]") {
  const auto one = run_verify("--all --p 2 --stats-only");
  const auto two = run_verify("--all --p 2 --stats-only --jobs 2");
  REQUIRE(one.exit_code == 0);
  CHECK(two.exit_code == 0);
  CHECK(two.out == one.out);
  CHECK(two.out.find("component     mamba") != std::string::npos);
}

TEST_CASE("verify --all --jobs 2 stops at the first error as --jobs 1 does", "[cli][jobs]") {
  for (const char* args : {"--all --p 2 --export-cnf /dev/null", "--all --p 2 --mutant no-such"}) {
    INFO(args);
    const auto one = run_verify(args);
    const auto two = run_verify(std::string(args) + " --jobs 2");
    REQUIRE(one.exit_code == 2);
    CHECK(two.exit_code == 2);
    CHECK(two.out == one.out);
    CHECK(two.err == one.err);  // one error line, not one per component started
  }
}

TEST_CASE("output words proved side by side give the report of --jobs 1", "[cli][jobs]") {
  for (const char* args :
       {"--component hadamard --p 4 --engine sat --json",
        "--component hadamard --p 4 --engine sat --json --mutant entries-misaligned",
        "--component matmul --p 3 --engine sat --json --mutant column-off-by-one"}) {
    INFO(args);
    const auto one = run_verify(args);
    const auto two = run_verify(std::string(args) + " --jobs 2");
    REQUIRE((one.exit_code == 0 || one.exit_code == 1));
    CHECK(two.exit_code == one.exit_code);
    CHECK(json_lines(two.out) == json_lines(one.out));
  }
}

TEST_CASE("a --jobs count below one is a usage error", "[cli][jobs]") {
  const auto r = run_verify("--component int-add --jobs 0");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--jobs") != std::string::npos);
}
