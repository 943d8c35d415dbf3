// verify on softplus: proof with lemmas at p = 4, every mutant refuted with a replayed
// counterexample or, for the lemma-level mutant, a failing lemma with Z3's witness.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/verify/run_verify.hpp"
#include "verify/registry.hpp"

using tc::test::run_verify;

namespace {

const tc::Component& softplus_component() {
  const tc::Component* c = tc::find_component("softplus");
  REQUIRE(c != nullptr);
  return *c;
}

void check_mutant_refuted(const tc::Mutant& m) {
  INFO(m.name);
  auto r = run_verify("--component softplus --p 4 --engine sim --json --mutant " + m.name);
  CHECK(r.exit_code == 1);
  auto j = nlohmann::json::parse(r.out);
  if (m.lemma_only) {
    CHECK(j["verdict"] == "proved");  // the circuits are unchanged
    bool witnessed = false;
    for (const auto& l : j["lemmas"])
      if (l["verdict"] == "refuted") witnessed = witnessed || l["witness"].is_string();
    CHECK(witnessed);
  } else {
    CHECK(j["verdict"] == "counterexample");
    CHECK(j["counterexample"]["replayed"] == true);
  }
}

}  // namespace

TEST_CASE("verify proves softplus at p = 4 with every lemma proved", "[softplus][cli]") {
  auto r = run_verify("--component softplus --p 4 --json");
  CHECK(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["verdict"] == "proved");
  REQUIRE(j["lemmas"].size() >= 19);  // exp's and log's chains at p1 = 8, then softplus's 8
  for (const auto& l : j["lemmas"]) CHECK(l["verdict"] == "proved");
}

// Each run checks the lemmas too (about 5 s), so the default suite runs one mutant here; the
// simulation test in tests/circuits/softplus.cpp covers every circuit mutant without the CLI, and
// tests/verify/cli.cpp sweeps every registered mutant, the lemma-level one included.
TEST_CASE("the naive log(1 + e^x) mutant of softplus is refuted by verify",
          "[softplus][cli][mutants]") {
  for (const auto& m : softplus_component().mutants)
    if (m.name == "log1p-correction-dropped") check_mutant_refuted(m);
}

TEST_CASE("every softplus mutant is refuted by verify at p = 4",
          "[.slow][softplus][cli][mutants]") {
  for (const auto& m : softplus_component().mutants) check_mutant_refuted(m);
}
