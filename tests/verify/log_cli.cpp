// verify on log: proof with lemmas at p = 4, every mutant refuted with a replayed counterexample
// (both engines) or, for a lemma-level mutant, a failing lemma with Z3's witness.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/support/mutant_check.hpp"
#include "tests/support/run_verify.hpp"

using tc::test::check_mutant_refuted;
using tc::test::registered;
using tc::test::run_verify;

TEST_CASE("verify proves log at p = 4 with every lemma proved", "[log][cli]") {
  auto r = run_verify("--component log --p 4 --json");
  CHECK(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["verdict"] == "proved");
  CHECK(j["construction"]["depth"] == 23);  // --tabulated: 11
  REQUIRE(j["lemmas"].size() == 7);
  for (const auto& l : j["lemmas"]) CHECK(l["verdict"] == "proved");
}

TEST_CASE("verify proves the tabulated log (--tabulated) against the same spec at p = 4",
          "[log][cli][tabulated]") {
  auto r = run_verify("--component log --p 4 --tabulated --json");
  CHECK(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["verdict"] == "proved");
  CHECK(j["construction"]["depth"] == 11);
}

TEST_CASE("every log mutant is refuted by verify at p = 4", "[log][cli][mutants]") {
  const tc::Component& c = registered("log");
  for (const auto& m : c.mutants) {
    // SAT for one circuit-level mutant (tests/verify/cli.cpp sweeps every mutant with both;
    // mutant_widths_cli.cpp every circuit mutant at every p from 3 to 6).
    check_mutant_refuted(c, "--p 4 --engine sim", m);
    if (m.name == "sign-from-exponent") check_mutant_refuted(c, "--p 4 --engine sat", m);
  }
}
