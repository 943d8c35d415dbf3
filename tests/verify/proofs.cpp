// Certified verdicts: every UNSAT obligation's DRAT proof is checked by the in-project checker.
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "lib/cnf/dimacs.hpp"
#include "lib/equivalence.hpp"
#include "lib/proof/drup_check.hpp"
#include "tests/export/sweep.hpp"
#include "tests/support/run_verify.hpp"
#include "tests/support/temp_files.hpp"
#include "verify/registry.hpp"

using namespace tc;

namespace {

std::filesystem::path fresh_dir(const std::string& name) {
  return tc::test::fresh_temp_dir("proofs_" + name);
}

}  // namespace

TEST_CASE("every component's SAT proof at a small p is certified by the DRUP checker",
          "[proof][cli]") {
  size_t components = 0, certified = 0;
  for (const auto& c : all_components()) {
    if (!bit_level_sweep_covers(c)) continue;
    ++components;
    // Certified runs prove cut blocks by SAT too; fprod's product of three operands is beyond
    // that, so this sweep takes the fewest operands.
    Params p = sweep_params(c, 4);
    if (const ParamSpec* n = c.param("n")) p.n = n->min;
    INFO(c.name);
    EquivalenceParams ep;
    ep.engine = Engine::Sat;
    ep.miter.proof_dir = fresh_dir(c.name).string();
    ep.miter.check_proofs = true;
    EquivalenceResult r = check_equivalence(c.construction(p), c.spec(p), ep);
    REQUIRE(r.verdict == Verdict::Proved);
    // A proof of nothing must not pass as certified (outputs equal by construction need no
    // obligation, so there may be fewer than output bits, but never none).
    CHECK_FALSE(r.sat.obligations.empty());
    for (const auto& ob : r.sat.obligations) {
      CHECK(ob.certified);
      CHECK(std::filesystem::exists(ob.cnf_path));
      CHECK(std::filesystem::exists(ob.proof_path));
      certified += ob.certified;
    }
  }
  // The integer and float components of the bit-level sweeps (tests/export/sweep.hpp).
  CHECK(components >= 9);
  CHECK(certified >= components);
}

TEST_CASE("a proof written for one obligation does not certify a weakened formula", "[proof]") {
  const Component* c = find_component("int-add");
  REQUIRE(c);
  Params p;
  p.p = 5;
  EquivalenceParams ep;
  ep.engine = Engine::Sat;
  ep.miter.proof_dir = fresh_dir("weakened").string();
  EquivalenceResult r = check_equivalence(c->construction(p), c->spec(p), ep);
  REQUIRE(r.verdict == Verdict::Proved);
  REQUIRE_FALSE(r.sat.obligations.empty());
  const auto& ob = r.sat.obligations.back();
  std::ifstream in(ob.cnf_path);
  Cnf cnf = cnf_read_dimacs(in);
  REQUIRE(drup_check(cnf, ob.proof_path).verified);
  // Dropping the goal clause ("this output bit differs") makes the formula satisfiable.
  cnf.clauses.pop_back();
  CHECK_FALSE(drup_check(cnf, ob.proof_path).verified);
}

TEST_CASE("verify --proof --check-proofs reports certified proofs", "[proof][cli]") {
  const auto dir = fresh_dir("cli");
  auto r = tc::test::run_verify("--component int-mul --p 4 --engine sat --proof " + dir.string() +
                                " --check-proofs --json");
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["obligations"].size() >= 4);
  for (const auto& ob : j["obligations"]) {
    CHECK(ob["certified"] == true);
    CHECK(std::filesystem::exists(ob["proof"].get<std::string>()));
  }
}

TEST_CASE("verify --proof picks SAT even where auto would simulate, so DIR gets certificates",
          "[proof][cli]") {
  const auto dir = fresh_dir("auto");
  // int-mul at p = 4 has 8 input bits: auto alone would enumerate them and write nothing.
  auto r = tc::test::run_verify("--component int-mul --p 4 --proof " + dir.string() +
                                " --check-proofs --json");
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["engine"] == "sat");
  REQUIRE_FALSE(j["obligations"].empty());
  for (const auto& ob : j["obligations"]) CHECK(ob["certified"] == true);
  std::filesystem::remove_all(dir);
}

TEST_CASE("verify --proof refuses an engine without certificates and a directory it cannot make",
          "[proof][cli]") {
  auto sim = tc::test::run_verify("--component int-mul --p 4 --engine sim --proof " +
                                  fresh_dir("sim").string());
  CHECK(sim.exit_code == 2);
  CHECK(sim.err.find("--proof") != std::string::npos);
  CHECK(std::count(sim.err.begin(), sim.err.end(), '\n') == 1);

  const auto file = fresh_dir("file");
  std::ofstream(file) << "a file, not a directory\n";
  auto blocked =
      tc::test::run_verify("--component int-mul --p 4 --proof " + (file / "sub").string());
  CHECK(blocked.exit_code == 2);
  CHECK(blocked.err.find("cannot create the proof directory") != std::string::npos);
  CHECK(std::count(blocked.err.begin(), blocked.err.end(), '\n') == 1);
  std::filesystem::remove(file);
}
