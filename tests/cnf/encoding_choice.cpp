// Tests of the process-wide encoding for gates asked as Auto (lib/threshold_encode.hpp,
// verify --encoding): forced BDDs and forced adders each still prove small components, and each
// gives every wide gate that encoding, so the miter CNFs differ.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "lib/cnf/dimacs.hpp"
#include "lib/equivalence.hpp"
#include "lib/export/miter_cnf.hpp"
#include "lib/threshold_encode.hpp"
#include "tests/support/run_verify.hpp"
#include "tests/support/solve_dimacs.hpp"
#include "verify/registry.hpp"

using namespace tc;

namespace {

// Sets the method for the scope of a test, and back to Auto after it, whatever happens.
struct MethodForAuto {
  explicit MethodForAuto(ThresholdMethod m) { set_threshold_method_for_auto(m); }
  ~MethodForAuto() { set_threshold_method_for_auto(ThresholdMethod::Auto); }
};

}  // namespace

TEST_CASE("forced BDDs and forced adders both prove fadd and int-mul at p = 4",
          "[cnf][encoding-choice]") {
  for (const char* name : {"fadd", "int-mul"}) {
    INFO(name);
    const Component* comp = find_component(name);
    REQUIRE(comp != nullptr);
    Params params = comp->defaults();
    params.p = 4;
    const Circuit construction = comp->construction(params);
    const Circuit spec = comp->spec(params);
    MiterCnfSize bdd, adder;
    for (ThresholdMethod method : {ThresholdMethod::Bdd, ThresholdMethod::Adder}) {
      MethodForAuto forced(method);
      std::ostringstream out;
      (method == ThresholdMethod::Bdd ? bdd : adder) = write_miter_dimacs(out, construction, spec);
      CHECK(tc::test::solve_dimacs(out.str()).result == 20);  // the monolithic miter is UNSAT
      EquivalenceParams eq;
      eq.engine = Engine::Sat;
      const EquivalenceResult r = check_equivalence(construction, spec, eq);
      CHECK(r.verdict == Verdict::Proved);
      CHECK(r.engine == Engine::Sat);
    }
    CHECK(threshold_method_for_auto() == ThresholdMethod::Auto);
    // Every wide gate got the forced encoding; the plain and direct gates are untouched.
    CHECK(bdd.gates.bdd > 0);
    CHECK(bdd.gates.adder == 0);
    CHECK(adder.gates.bdd == 0);
    CHECK(adder.gates.adder == bdd.gates.bdd);
    CHECK(adder.adder_sums > 0);
    CHECK(adder.gates.plain == bdd.gates.plain);
    CHECK(adder.gates.direct == bdd.gates.direct);
    CHECK(adder.variables != bdd.variables);
    CHECK(adder.clauses != bdd.clauses);
  }
}

TEST_CASE("verify --encoding forces the encoding of the exported CNF and the proof",
          "[cli][encoding-choice]") {
  const std::filesystem::path cnf = std::filesystem::temp_directory_path() /
                                    ("tc-encoding-" + std::to_string(::getpid()) + ".cnf");
  std::map<std::string, nlohmann::json> sizes;
  for (const char* encoding : {"auto", "bdd", "adder", "totalizer"}) {
    INFO(encoding);
    const auto r =
        tc::test::run_verify("--component int-mul --p 4 --engine sat --json --encoding " +
                             std::string(encoding) + " --export-cnf " + cnf.string());
    std::filesystem::remove(cnf);
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["verdict"] == "proved");
    CHECK(j["engine"] == "sat");
    sizes[encoding] = j["miter_cnf"];
  }
  CHECK(sizes["bdd"]["gates_adder"] == 0);
  CHECK(sizes["adder"]["gates_bdd"] == 0);
  CHECK(sizes["adder"]["gates_adder"] == sizes["bdd"]["gates_bdd"]);
  CHECK(sizes["adder"]["clauses"] != sizes["bdd"]["clauses"]);
  CHECK(sizes["totalizer"]["gates_bdd"] == 0);
  CHECK(sizes["totalizer"]["gates_adder"] == 0);
  CHECK(sizes["totalizer"]["gates_totalizer"] == sizes["bdd"]["gates_bdd"]);
  CHECK(sizes["totalizer"]["totalizer_counts"] > 0);
  CHECK(sizes["totalizer"]["clauses"] != sizes["bdd"]["clauses"]);
  // The per-gate choice is one of the three on every gate: its counts add up to theirs.
  CHECK(sizes["auto"]["gates_bdd"].get<int>() + sizes["auto"]["gates_adder"].get<int>() +
            sizes["auto"]["gates_totalizer"].get<int>() ==
        sizes["bdd"]["gates_bdd"].get<int>());
  const auto bad = tc::test::run_verify("--component int-mul --p 4 --encoding sorter");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--encoding") != std::string::npos);
}

TEST_CASE("a forced BDD past its node limit is a clean UNKNOWN, not an internal error",
          "[cli][encoding-choice]") {
  // silu's wide gates at p = 4 need more than the BDD's per-gate node budget. The whole miter's
  // CNF encodes them (its SAT proof abstracts them away in blocks).
  const std::filesystem::path cnf = std::filesystem::temp_directory_path() /
                                    ("tc-bdd-limit-" + std::to_string(::getpid()) + ".cnf");
  const auto r = tc::test::run_verify("--component silu --p 4 --stats-only --encoding bdd " +
                                      std::string("--export-cnf ") + cnf.string());
  CHECK_FALSE(std::filesystem::exists(cnf));
  std::filesystem::remove(cnf);
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Catch::Contains("threshold BDD exceeds"));
  // ... naming the gate that grew, and its size.
  CHECK_THAT(r.err, Catch::Contains("gate "));
  CHECK_THAT(r.err, Catch::Contains(" of 'miter(silu, silu-spec)' (largest weight "));
  CHECK_THAT(r.err, Catch::Contains("(fan-in "));
  CHECK_THAT(r.err, Catch::Contains("no verdict"));
}

TEST_CASE("a forced totalizer past its size limit is a clean UNKNOWN, not an internal error",
          "[cli][encoding-choice]") {
  // exp's wide gates at p = 4 have weights and thresholds near 2^16: far too many unary digits.
  // The whole miter's CNF encodes them (its SAT proof abstracts them away in blocks).
  const std::filesystem::path cnf = std::filesystem::temp_directory_path() /
                                    ("tc-totalizer-" + std::to_string(::getpid()) + ".cnf");
  const auto r = tc::test::run_verify(
      "--component exp --p 4 --stats-only --encoding totalizer --export-cnf " + cnf.string());
  CHECK_FALSE(std::filesystem::exists(cnf));  // no partial export either
  std::filesystem::remove(cnf);
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Catch::Contains("threshold totalizer exceeds"));
  CHECK_THAT(r.err, Catch::Contains(" of 'miter(exp, exp-spec)' (largest weight "));
  CHECK_THAT(r.err, Catch::Contains("no verdict"));
}
