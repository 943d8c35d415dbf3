// verify on softplus: proof with lemmas at p = 4, every mutant refuted with a replayed
// counterexample or, for the lemma-level mutant, a failing lemma with Z3's witness.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/support/block_proof_check.hpp"
#include "tests/support/mutant_check.hpp"
#include "tests/support/run_verify.hpp"

using tc::test::check_mutant_refuted;
using tc::test::check_proved_by_blocks;
using tc::test::registered;
using tc::test::run_verify;

TEST_CASE("verify proves softplus at p = 4 with every lemma proved", "[softplus][cli]") {
  auto r = run_verify("--component softplus --p 4 --json");
  CHECK(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["verdict"] == "proved");
  REQUIRE(j["lemmas"].size() >= 19);  // exp's and log's chains at p1 = 8, then softplus's 8
  for (const auto& l : j["lemmas"]) CHECK(l["verdict"] == "proved");
}

TEST_CASE("verify proves softplus by SAT at p = 4 through its seven blocks",
          "[softplus][cli][sat]") {
  // exp, the additions and log have few inputs and are proved by simulation; the division and
  // the multiplication by SAT with their significand cuts, x + l by SAT; the muxes and the
  // narrowing are left to SAT over the blocks' outputs (issue 20).
  auto r = run_verify("--component softplus --p 4 --engine sat --json");
  CHECK(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  check_proved_by_blocks(j,
                         {"softplus/exp", "softplus/one-plus", "softplus/log", "softplus/minus-one",
                          "softplus/ratio", "softplus/product", "softplus/shift"});
}

TEST_CASE("a softplus mutant inside the log block is refuted by SAT",
          "[softplus][cli][sat][mutants]") {
  for (const auto& m : registered("softplus").mutants)
    if (m.name == "log-ln2-at-p-bits")
      check_mutant_refuted(registered("softplus"), "--p 4 --engine sat", m);
}

// Each run checks the lemmas too (about 5 s), so the default suite runs one mutant here; the
// simulation test in tests/circuits/softplus.cpp covers every circuit mutant without the CLI, and
// tests/verify/cli.cpp sweeps every registered mutant, the lemma-level one included;
// mutant_widths_cli.cpp checks every circuit mutant at every p from 2 to 6.
TEST_CASE("the naive log(1 + e^x) mutant of softplus is refuted by verify",
          "[softplus][cli][mutants]") {
  for (const auto& m : registered("softplus").mutants)
    if (m.name == "log1p-correction-dropped")
      check_mutant_refuted(registered("softplus"), "--p 4 --engine sim", m);
}

TEST_CASE("every softplus mutant is refuted by verify at p = 4",
          "[.slow][softplus][cli][mutants]") {
  for (const auto& m : registered("softplus").mutants)
    check_mutant_refuted(registered("softplus"), "--p 4 --engine sim", m);
}
