// verify on silu: proof with lemmas (exp's chain at p1 included), every mutant refuted with a
// replayed counterexample or a failing lemma with Z3's witness.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/support/block_proof_check.hpp"
#include "tests/support/mutant_check.hpp"
#include "tests/support/run_verify.hpp"

using tc::test::check_mutant_refuted;
using tc::test::check_proved_by_blocks;
using tc::test::registered;
using tc::test::run_verify;

TEST_CASE("verify proves silu at p = 4 with every lemma proved", "[silu][cli]") {
  auto r = run_verify("--component silu --p 4 --json");
  CHECK(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["verdict"] == "proved");
  REQUIRE(j["lemmas"].size() >= 6);
  int own = 0, from_exp = 0;
  for (const auto& l : j["lemmas"]) {
    INFO(l.dump());
    CHECK(l["verdict"] == "proved");
    const std::string name = l["name"];
    own += name.rfind("silu.", 0) == 0;
    from_exp += name.rfind("exp.", 0) == 0 && name.find("@p7") != std::string::npos;  // p1 = 7
  }
  CHECK(own == 5);  // sum, quotient, range, end-to-end, measured
  CHECK(from_exp >= 5);
}

TEST_CASE("verify proves silu by SAT at p = 4 through its exp, fadd and fdiv blocks",
          "[silu][cli][sat]") {
  // Construction and spec declare the same three blocks; exp and 1 + y have few inputs and are
  // proved by simulation, the division by SAT with fdiv's own significand cut; the narrowing is
  // left to SAT over the blocks' outputs (issue 20: silu had no SAT proof before).
  auto r = run_verify("--component silu --p 4 --engine sat --json");
  CHECK(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  check_proved_by_blocks(j, {"silu/exp", "silu/one-plus", "silu/div"});
  REQUIRE(j["blocks"].size() == 3);
  CHECK(j["blocks"][2]["proof"].get<std::string>().rfind("SAT (", 0) == 0);
  for (const auto& b : j["blocks"]) CHECK(b["instances"] == 1);
  CHECK_FALSE(j["obligations"].empty());  // the narrowing, by SAT
}

TEST_CASE("a silu mutant inside a block is refuted by SAT", "[silu][cli][sat][mutants]") {
  for (const auto& m : registered("silu").mutants)
    if (m.name == "exp-taylor-term-dropped")
      check_mutant_refuted(registered("silu"), "--p 4 --engine sat", m);
}

// The default suite already runs every silu mutant through verify in tests/verify/cli.cpp (the
// loops over all components), and every circuit mutant at every p from 2 to 6 in
// mutant_widths_cli.cpp; this one also checks which lemma fails.
TEST_CASE("every silu mutant is refuted by verify at p = 4", "[.slow][silu][cli][mutants]") {
  for (const auto& m : registered("silu").mutants)
    check_mutant_refuted(registered("silu"), "--p 4 --engine sim", m, "silu.sum");
}
