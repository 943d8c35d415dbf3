// verify on exp: proof with lemmas, every mutant refuted with a replayed counterexample or a
// failing lemma with Z3's witness.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/verify/run_verify.hpp"
#include "verify/registry.hpp"

using tc::test::run_verify;

TEST_CASE("verify proves exp at p = 4 with every lemma proved", "[exp][cli]") {
  auto r = run_verify("--component exp --p 4 --json");
  CHECK(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["verdict"] == "proved");
  REQUIRE(j["lemmas"].size() >= 8);
  for (const auto& l : j["lemmas"]) CHECK(l["verdict"] == "proved");
}

namespace {

// One verify run on a mutant: a circuit mutant ends in a replayed counterexample, the lemma-level
// one in a refuted lemma with Z3's witness (the circuits are unchanged and proved equal).
void check_mutant_refuted(const tc::Mutant& m) {
  INFO(m.name);
  auto r = run_verify("--component exp --p 4 --engine sim --json --mutant " + m.name);
  CHECK(r.exit_code == 1);
  auto j = nlohmann::json::parse(r.out);
  if (m.lemma_only) {
    CHECK(j["verdict"] == "proved");
    bool witnessed = false;
    for (const auto& l : j["lemmas"])
      if (l["verdict"] == "refuted") witnessed = witnessed || !l["witness"].is_null();
    CHECK(witnessed);
  } else {
    CHECK(j["verdict"] == "counterexample");
    CHECK(j["counterexample"]["replayed"] == true);
  }
}

const tc::Component& exp_component() {
  const tc::Component* c = tc::find_component("exp");
  REQUIRE(c != nullptr);
  return *c;
}

}  // namespace

// Each run checks the lemmas too (about a second), so the default suite runs two mutants; the
// simulation test in tests/circuits/exp.cpp covers every circuit mutant without the CLI.
TEST_CASE("a circuit mutant and the lemma-level mutant of exp are refuted by verify", "[exp][cli][mutants]") {
  for (const auto& m : exp_component().mutants)
    if (m.lemma_only || m.name == "sign-of-r-ignored") check_mutant_refuted(m);
}

TEST_CASE("every exp mutant is refuted by verify at p = 4", "[.slow][exp][cli][mutants]") {
  for (const auto& m : exp_component().mutants) check_mutant_refuted(m);
}
