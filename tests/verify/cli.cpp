// End-to-end tests of the verify command line: verdicts, exit codes, JSON, and bad input.
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "lib/sat/compositional.hpp"
#include "lib/simulate.hpp"
#include "tests/support/mutant_check.hpp"
#include "tests/support/run_verify.hpp"
#include "tests/support/temp_files.hpp"
#include "verify/registry.hpp"

using namespace tc;
using tc::test::check_mutant_refuted;
using tc::test::run_verify;

namespace {

// The smallest p at which every mutant of the component must be caught, and a p to prove at.
// The SSM layer's components (those with a state size or sequence length) run at their smallest
// p here: their compositions prove at p = 2 in seconds; larger proofs are in their own tests and
// the README's benchmark table.
int regression_p(const Component& c) {
  if (c.takes("L") || c.takes("N")) return c.p_spec().min;
  return std::clamp(4, c.p_spec().min, c.p_spec().max);
}

// The engines each component is proved with in the tests: simulation where the input space can
// be enumerated, and SAT; a composition of blocks that can be enumerated is proved by SAT in its
// own tests (exp_cli, silu_softplus_cli), not here, to keep this sweep short.
std::vector<std::string> test_engines(const Component& c) {
  Params params = c.defaults();  // what the CLI uses without other options
  params.p = regression_p(c);
  std::vector<std::string> engines;
  const Circuit spec = c.spec(params);
  if (used_input_positions(spec, spec).size() <= 24) engines.push_back("sim");
  if (engines.empty() || !has_block_cuts(spec)) engines.push_back("sat");
  return engines;
}

bool lemma_only(const Mutant& m) { return m.lemma_only; }

size_t count_lines(const std::string& s) {
  return static_cast<size_t>(std::count(s.begin(), s.end(), '\n'));
}

// `verify ARGS` is a usage error (exit 2) whose one line is "verify: error: MESSAGE".
void check_refused(const std::string& args, const std::string& message) {
  INFO("verify " << args);
  const auto r = run_verify(args);
  CHECK(r.exit_code == 2);
  CHECK(r.err == "verify: error: " + message + "\n");
}

// The construction's statistics from `verify ARGS --stats-only --json`, which must succeed.
nlohmann::json built_construction(const std::string& args) {
  INFO("verify " << args);
  const auto r = run_verify(args + " --stats-only --json");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  return r.exit_code == 0 ? nlohmann::json::parse(r.out)["construction"] : nlohmann::json{};
}

}  // namespace

TEST_CASE("every component proves at a small p with both engines", "[cli]") {
  for (const auto& c : all_components()) {
    REQUIRE_FALSE(test_engines(c).empty());
    for (const std::string& engine : test_engines(c)) {
      INFO(c.name << " engine " << engine);
      auto r = run_verify("--component " + c.name + " --p " + std::to_string(regression_p(c)) +
                          " --engine " + engine);
      CHECK(r.exit_code == 0);
      CHECK(r.out.find("PROVED") != std::string::npos);
    }
  }
}

TEST_CASE("every mutant of every component ends in a replayed counterexample", "[cli][mutants]") {
  for (const auto& c : all_components()) {
    REQUIRE(c.mutants.size() >= 2);
    for (const auto& m : c.mutants) {
      if (lemma_only(m)) continue;  // next test
      for (const std::string& engine : test_engines(c))
        check_mutant_refuted(c, "--p " + std::to_string(regression_p(c)) + " --engine " + engine,
                             m);
    }
  }
}

TEST_CASE("every lemma-level mutant makes a lemma fail with a witness", "[cli][mutants]") {
  for (const auto& c : all_components()) {
    for (const auto& m : c.mutants) {
      if (!lemma_only(m)) continue;
      INFO(c.name << " lemma mutant " << m.name);
      auto r = run_verify("--component " + c.name + " --p " + std::to_string(regression_p(c)) +
                          " --mutant " + m.name + " --json");
      CHECK(r.exit_code == 1);
      auto j = nlohmann::json::parse(r.out);
      CHECK(j["verdict"] == "proved");  // the circuits are unchanged
      bool refuted_with_witness = false;
      for (const auto& l : j["lemmas"])
        refuted_with_witness =
            refuted_with_witness || (l["verdict"] == "refuted" && l["witness"].is_string());
      CHECK(refuted_with_witness);
    }
  }
}

TEST_CASE("the JSON report carries the documented keys", "[cli]") {
  auto r = run_verify("--component int-add --p 5 --json");
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  for (const char* key : {"component", "p", "verdict", "engine", "seconds", "construction", "spec",
                          "counterexample", "lemmas"})
    CHECK(j.contains(key));
  for (const char* key : {"gates", "depth", "wires", "max_fanin", "max_weight"}) {
    CHECK(j["construction"].contains(key));
    CHECK(j["spec"].contains(key));
  }
  CHECK(j["verdict"] == "proved");
  CHECK(j["counterexample"].is_null());
  CHECK(j["lemmas"].is_array());
}

// At p = 2 every component but log is in range.
TEST_CASE("verify --all proves every component and prints one JSON line each", "[cli]") {
  auto r = run_verify("--all --p 2 --json");
  CHECK(r.exit_code == 0);
  size_t in_range = 0;
  for (const auto& c : all_components()) in_range += c.p_spec().min <= 2 && 2 <= c.p_spec().max;
  CHECK(in_range + 1 >= all_components().size());  // all but log (p >= 3)
  CHECK(count_lines(r.out) == in_range);
}

TEST_CASE("stats only reports sizes without a verdict", "[cli]") {
  auto r = run_verify("--component int-mul --p 16 --stats-only --json");
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["verdict"].is_null());
  CHECK(j["construction"]["depth"] == 3);
}

TEST_CASE("a size that is not polynomial is said in the report, text and JSON", "[cli]") {
  auto text = run_verify("--component fsum --p 4 --stats-only");
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("size note     exponential in the exponent width") != std::string::npos);
  auto json = run_verify("--component fsum --p 4 --stats-only --json");
  REQUIRE(json.exit_code == 0);
  CHECK(nlohmann::json::parse(json.out)["size_note"].get<std::string>().rfind("exponential", 0) ==
        0);
  auto polynomial = run_verify("--component fmul --p 4 --stats-only --json");
  REQUIRE(polynomial.exit_code == 0);
  CHECK_FALSE(nlohmann::json::parse(polynomial.out).contains("size_note"));
}

TEST_CASE("with --export-cnf the report gives the CNF's size and each gate's encoding", "[cli]") {
  const std::string cnf =
      std::filesystem::temp_directory_path() / ("tc-cli-" + std::to_string(::getpid()) + ".cnf");
  const std::string opb = cnf + ".opb";
  auto r = run_verify("--component exp --p 4 --stats-only --json --export-cnf " + cnf +
                      " --export-opb " + opb);
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["verdict"].is_null());
  CHECK(j["construction"]["depth"].is_number());  // the existing keys stay
  const auto& m = j["miter_cnf"];
  // exp's wide gates over few weighted sums get shared adders, the rest BDDs or clauses.
  CHECK(m["gates_adder"] > 0);
  CHECK(m["gates_bdd"] > 0);
  CHECK(m["adder_sums"] < m["gates_adder"]);
  std::ifstream in(cnf);
  std::string header;
  while (std::getline(in, header) && header.rfind("p ", 0) != 0) {
  }
  CHECK(header == "p cnf " + m["variables"].dump() + " " + m["clauses"].dump());
  std::ifstream opb_in(opb);
  std::string first;
  std::getline(opb_in, first);
  CHECK(first.rfind("* #variable= ", 0) == 0);
  std::filesystem::remove(cnf);
  std::filesystem::remove(opb);
  auto text = run_verify("--component fadd --p 2 --stats-only --export-cnf " + cnf);
  CHECK(text.out.find("miter cnf     variables ") != std::string::npos);
  std::filesystem::remove(cnf);
}

TEST_CASE("bad input gets one clear line on stderr and exit code 2", "[cli]") {
  const char* bad[] = {
      "--component no-such-thing --p 8",
      "--component int-add --p 99",
      "--component int-add --p 0",
      "--component int-add --p 8 --mutant no-such-mutant",
      "--component int-iadd --p 8 --n 100",
      "--component int-add --p 8 --engine magic",
      "--component int-add --p eight",
      "--component int-add --p 8 --no-such-flag",
      "",
      "--component int-add --all --p 4",
      "--component int-add --p 8 --check-proofs",
      "--component fprod --p 16 --n 9 --stats-only",                      // n beyond 2..8
      "eval --component fprod --p 4 --n 3 --inputs x0=1 x1=1 x2=1 x3=1",  // no fourth operand
      "--component fadd --p 4 --n 3",                                     // fadd takes no n
      "--component fmul --p 4 --rows 2",                                  // nor a matrix shape
      "--component log --p 4 --e 5",                               // log takes no exponent width
      "--component fadd --p 4 --weights w.json",                   // nor weights
      "eval --component fadd --p 8 --inputs x=1,99999999999 y=1",  // refused before 2^e is built
      "--component fmul --p 24 --stats-only --circuit none.tc",    // no spec past the proof range
  };
  for (const char* args : bad) {
    INFO("verify " << args);
    auto r = run_verify(args);
    CHECK(r.exit_code == 2);
    INFO(r.err);
    CHECK(count_lines(r.err) == 1);
    CHECK(r.err.rfind("verify: error:", 0) == 0);
    CHECK(r.out.empty());
  }
}

TEST_CASE("a flag that widens the p range says so, and builds there", "[cli][windows]") {
  // conv-ssm: aligned by default, to p = 6; --windows builds to 8.
  check_refused("--component conv-ssm --p 7",
                "p = 7 is out of range for conv-ssm (allowed 2..6; with --windows: up to 8)");
  CHECK(built_construction("--component conv-ssm --p 7 --windows")["depth"] == 68);
  // Sizes alone go on to the float blocks' p <= 16, the construction only.
  CHECK(built_construction("--component conv-ssm --p 9 --windows")["depth"] == 68);
  check_refused("--component conv-ssm --p 17 --windows --stats-only",
                "p = 17 is out of range for conv-ssm (allowed 2..16)");
}

TEST_CASE("conv1d's windows prove as far as --aligned did; sizes alone reach 30",
          "[cli][windows]") {
  check_refused("--component conv1d --p 7",
                "p = 7 is out of range for conv1d (allowed 2..6; with --stats-only: up to 30)");
  check_refused("--component conv1d --p 7 --aligned --stats-only",
                "p = 7 is out of range for conv1d (allowed 2..6)");
  CHECK(built_construction("--component conv1d --p 6 --aligned")["depth"] == 21);
  CHECK(built_construction("--component conv1d --p 8")["depth"] == 30);
  // Past the proof range only the construction is built (the spec's sums are exponent-aligned).
  CHECK(built_construction("--component conv1d --p 16")["depth"] == 30);
  const auto r = run_verify("--component conv1d --p 16 --stats-only");
  CHECK(r.out.find("spec          not built: past the proof range (p <= 6), sizes of") !=
        std::string::npos);
}

TEST_CASE("the layers' range holds what proves; --aligned narrows it, sizes alone reach 12",
          "[cli][windows]") {
  check_refused("--component selective-ssm --p 6",
                "p = 6 is out of range for selective-ssm (allowed 2..5; with --stats-only: up to "
                "12)");
  check_refused("--component selective-ssm --p 5 --aligned --stats-only",
                "p = 5 is out of range for selective-ssm (allowed 2..4)");
  CHECK(built_construction("--component selective-ssm --p 6")["gates"] > 100000);
  CHECK(run_verify("--component selective-ssm --p 13 --stats-only").exit_code == 2);
}

TEST_CASE("sizes alone reach p = 32, or say why they stop earlier", "[cli][size]") {
  // The size study's widths (bench/size_growth.py): the proofs' ranges stop at 16 or 24, sizes
  // go on where the circuits can be built, and the first p they cannot gives its cause.
  CHECK(built_construction("--component int-add --p 32")["depth"] == 2);
  CHECK(built_construction("--component fsum --p 32")["depth"] == 20);
  CHECK(built_construction("--component fmul --p 30")["depth"] == 7);  // e = 31
  check_refused("--component int-add --p 33 --stats-only",
                "p = 33 is out of range for int-add (allowed 1..32)");
  check_refused("--component fmul --p 31 --stats-only",
                "p = 31 is out of range for fmul (allowed 2..30: at p = 31 the 2p-bit significand "
                "product's depth-2 column sums need weights totalling 2^61 or more, the IR's "
                "bound)");
  check_refused("--component fmul --p 17",
                "p = 17 is out of range for fmul (allowed 2..16; with --stats-only: up to 30)");
  // A spec that outgrows the memory limit (fsum's aligned sums at E = 17) leaves the
  // construction's sizes: the windows at p = 16 are about 170 MB, the spec more than 300.
  const auto big_spec =
      run_verify("--component fsum --p 16 --e 17 --windows --stats-only --memory-limit 0.3");
  CHECK(big_spec.exit_code == 0);
  CHECK(big_spec.out.find("construction  gates   47039  depth  30") != std::string::npos);
  CHECK(big_spec.out.find("spec          not built: it outgrew the memory limit") !=
        std::string::npos);
  // --all at p = 32 builds what reaches there and names each other component's cause.
  const auto all = run_verify("--all --p 32 --stats-only --json");
  CHECK(all.exit_code == 0);
  CHECK(all.err.find("verify: skipping fmul: p = 32 is outside 2..30 (at p = 31 the 2p-bit") !=
        std::string::npos);
  CHECK(all.out.find("\"component\":\"fprod\"") != std::string::npos);
  // Past the format's exponent width, and a gate past the weight bound at a width the reach
  // does not foresee: one line each, no internal error.
  check_refused("--component fadd --p 4 --e 34 --stats-only",
                "e = 34 is out of range for fadd (allowed 2..33)");
  check_refused("--component fcmp --p 28 --e 33 --stats-only",
                "cannot be built at p = 28, e = 33: threshold gate with total weight >= 2^61 after "
                "normalization (the IR's weight bound)");
}

TEST_CASE("an option a component does not declare is named in the error", "[cli]") {
  check_refused("--component fadd --p 4 --n 3", "fadd takes no --n (its parameters: --p, --e)");
}

TEST_CASE("a tiny timeout on a hard proof is unknown, not proved", "[cli]") {
  auto r = run_verify("--component int-mul --p 10 --engine sat --timeout 0.05");
  CHECK(r.exit_code == 3);
  CHECK(r.out.find("UNKNOWN") != std::string::npos);
}

TEST_CASE("a timeout stops exhaustive simulation with unknown, not proved", "[cli]") {
  auto r = run_verify("--component log --p 8 --engine sim --timeout 0.05");  // ~2 s to enumerate
  CHECK(r.exit_code == 3);
  CHECK(r.out.find("UNKNOWN") != std::string::npos);
  CHECK(r.out.find("PROVED   log.") != std::string::npos);  // the lemmas still ran
}

TEST_CASE("listing names every component and its mutants", "[cli]") {
  auto r = run_verify("--list");
  REQUIRE(r.exit_code == 0);
  for (const auto& c : all_components()) {
    CHECK(r.out.find(c.name) != std::string::npos);
    auto m = run_verify("--component " + c.name + " --list-mutants");
    CHECK(m.exit_code == 0);
    CHECK(count_lines(m.out) == c.mutants.size());
  }
}

TEST_CASE("every float component proves at p = 6 as a regression case", "[cli][float-regression]") {
  for (const auto& c : all_components()) {
    if (!c.takes("e") || c.p_spec().min > 6 || c.p_spec().max < 6) continue;
    INFO(c.name);
    auto r = run_verify("--component " + c.name + " --p 6 --json");
    CHECK(r.exit_code == 0);
    CHECK(nlohmann::json::parse(r.out)["verdict"] == "proved");
  }
}

TEST_CASE("fadd's SAT proof goes case by case over its alignments, each one reached", "[cli]") {
  for (int p : {4, 6}) {
    INFO("p = " << p);
    auto r = run_verify("--component fadd --p " + std::to_string(p) + " --engine sat --json");
    REQUIRE(r.exit_code == 0);
    const nlohmann::json j = nlohmann::json::parse(r.out);
    CHECK(j["verdict"] == "proved");
    // Subtract or add, times the shifts 0 .. 2p + 2 of the spec's alignment (a 4-bit word at
    // these p): 2 (2p + 3) of the 2^5 values.
    const int reached = 2 * (2 * p + 3);
    CHECK(j["case_split"] ==
          "alignment (5 bits): z " + std::to_string(reached) + " of 32 cases reached");
    REQUIRE(j["obligations"].size() == static_cast<size_t>(2 * p + 2));  // z bit by bit
    for (const auto& ob : j["obligations"]) CHECK(ob["cases"] == 32);
  }
}

TEST_CASE("a run that outgrows --memory-limit ends with one line and no verdict", "[cli]") {
  // A certified proof of softplus at p = 8 encodes the whole miter (--proof keeps the concrete
  // miter, not the blocks), a CNF of gigabytes (exp at p = 4 was one before its gates got shared
  // adder networks, issue 20); the ceiling stops it within seconds.
  const auto dir = tc::test::fresh_temp_dir("memory_limit_proof");
  auto r = run_verify("--component softplus --p 8 --engine sat --proof " + dir.string() +
                      " --memory-limit 0.3");
  std::filesystem::remove_all(dir);
  CHECK(r.exit_code == 3);
  CHECK(r.out.find("PROVED") == std::string::npos);
  CHECK(r.err.find(
            "verify: error: out of memory: the run needs more than its 0.3 GiB (--memory-limit)") !=
        std::string::npos);
}
