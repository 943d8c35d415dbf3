// verify on log: proof with lemmas at p = 4, every mutant refuted with a replayed counterexample
// (both engines) or, for a lemma-level mutant, a failing lemma with Z3's witness.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/verify/run_verify.hpp"
#include "verify/registry.hpp"

using tc::test::run_verify;

TEST_CASE("verify proves log at p = 4 with every lemma proved", "[log][cli]") {
  auto r = run_verify("--component log --p 4 --json");
  CHECK(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["verdict"] == "proved");
  CHECK(j["construction"]["depth"] == 11);
  REQUIRE(j["lemmas"].size() == 7);
  for (const auto& l : j["lemmas"]) CHECK(l["verdict"] == "proved");
}

TEST_CASE("every log mutant is refuted by verify at p = 4", "[log][cli][mutants]") {
  const tc::Component* c = tc::find_component("log");
  REQUIRE(c != nullptr);
  for (const auto& m : c->mutants) {
    // SAT for one circuit-level mutant (tests/verify/cli.cpp sweeps every mutant with both).
    for (const char* engine : {"sim", "sat"}) {
      if (std::string(engine) == "sat" && m.name != "sign-from-exponent") continue;
      INFO(m.name << " engine " << engine);
      auto r = run_verify("--component log --p 4 --json --engine " + std::string(engine) + " --mutant " + m.name);
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
        CHECK_FALSE(j["counterexample"]["differing_outputs"].empty());
      }
    }
  }
}
