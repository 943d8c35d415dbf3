// verify on exp: proof with lemmas, every mutant refuted with a replayed counterexample or a
// failing lemma with Z3's witness.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/support/block_proof_check.hpp"
#include "tests/support/mutant_check.hpp"
#include "tests/support/run_verify.hpp"

using tc::test::check_mutant_refuted;
using tc::test::check_proved_by_blocks;
using tc::test::registered;
using tc::test::run_verify;

TEST_CASE("verify proves exp at p = 4 with every lemma proved", "[exp][cli]") {
  auto r = run_verify("--component exp --p 4 --json");
  CHECK(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["verdict"] == "proved");
  REQUIRE(j["lemmas"].size() >= 8);
  for (const auto& l : j["lemmas"]) CHECK(l["verdict"] == "proved");
}

TEST_CASE("verify proves exp by SAT at p = 4 through its range-reduction and series blocks",
          "[exp][cli][sat]") {
  // Each block has few inputs (x; M and sigma), so it is proved by exhaustive simulation; the
  // rounding after them is left to SAT over the blocks' outputs (issue 20: before the blocks,
  // --engine sat had no verdict on exp beyond p = 4).
  auto r = run_verify("--component exp --p 4 --engine sat --json");
  CHECK(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  check_proved_by_blocks(j, {"exp/reduce", "exp/series"});
  for (const auto& b : j["blocks"]) {
    INFO(b.dump());
    CHECK(b["instances"] == 1);
    CHECK(b["proof"].get<std::string>().rfind("exhaustive simulation of ", 0) == 0);
  }
  CHECK(j["composition"].get<std::string>().find("no verdict from the blocks") ==
        std::string::npos);
  CHECK_FALSE(j["obligations"].empty());  // the rounding, by SAT
}

// Each run checks the lemmas too (about a second), so the default suite runs two mutants; the
// simulation test in tests/circuits/exp.cpp covers every circuit mutant without the CLI, and
// mutant_widths_cli.cpp every one at every p from 2 to 6.
TEST_CASE("a circuit mutant and the lemma-level mutant of exp are refuted by verify",
          "[exp][cli][mutants]") {
  for (const auto& m : registered("exp").mutants)
    if (m.lemma_only || m.name == "sign-of-r-ignored")
      check_mutant_refuted(registered("exp"), "--p 4 --engine sim", m);
}

TEST_CASE("every exp mutant is refuted by verify at p = 4", "[.slow][exp][cli][mutants]") {
  for (const auto& m : registered("exp").mutants)
    check_mutant_refuted(registered("exp"), "--p 4 --engine sim", m);
}
