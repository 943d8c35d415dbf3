// Obligations answered outside (verify --emit-obligations DIR, a batch runner, --collect DIR): the
// recipe of docs/obligations.md run locally with GNU parallel and CaDiCaL, and untrusted answers
// that must not pass: a proof that does not check, a model that does not satisfy, a missing
// answer.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/support/run_verify.hpp"
#include "tests/support/temp_files.hpp"

using tc::test::fresh_temp_dir;
using tc::test::read_whole_file;
using tc::test::run_verify;

namespace {

// The documented worker step: every obligation through CaDiCaL, in parallel.
void answer_all(const std::filesystem::path& dir) {
  const std::string cmd = "find " + dir.string() +
                          " -name '*.cnf' | parallel 'cadical -q {} {.}.drat > {.}.out' "
                          "> /dev/null 2>&1; command -v parallel > /dev/null && "
                          "command -v cadical > /dev/null";
  REQUIRE(std::system(cmd.c_str()) == 0);  // a missing tool fails here
}

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path) << text;
}

}  // namespace

TEST_CASE(
    "emitted obligations answered by CaDiCaL through GNU parallel collect to a certified "
    "proof",
    "[cli][exchange]") {
  const auto dir = fresh_temp_dir("exchange_fadd");
  auto emit = run_verify("--component fadd --p 4 --emit-obligations " + dir.string() + " --json");
  INFO(emit.err);
  REQUIRE(emit.exit_code == 0);
  const auto emitted = nlohmann::json::parse(emit.out);
  CHECK(emitted["verdict"] == "emitted");
  const auto manifest = nlohmann::json::parse(std::ifstream(dir / "manifest.json"));
  CHECK(manifest["arguments"] == nlohmann::json({"--component", "fadd", "--p", "4"}));
  const size_t n = manifest["obligations"].size();
  CHECK(n >= 10);  // z has 10 bits, plus the shared cut's block
  for (const auto& ob : manifest["obligations"])
    CHECK(std::filesystem::exists(dir / ob.get<std::string>()));

  // Nothing answered yet: no verdict, and the report names the first obligation without one.
  auto early = run_verify("--collect " + dir.string());
  CHECK(early.exit_code == 3);
  CHECK_THAT(early.out, Catch::Contains("is missing"));

  answer_all(dir);
  auto collected = run_verify("--collect " + dir.string() + " --json");
  INFO(collected.err);
  REQUIRE(collected.exit_code == 0);
  const auto j = nlohmann::json::parse(collected.out);
  CHECK(j["verdict"] == "proved");
  CHECK(j["certified"] == true);

  // Untrusted answers, one at a time (each file restored after).
  const auto tampered = [&](const std::string& file, const std::string& text) {
    const auto path = dir / file;
    const std::string kept = read_whole_file(path);
    write_file(path, text);
    auto r = run_verify("--collect " + dir.string());
    write_file(path, kept);
    return r;
  };
  auto bad_proof = tampered("z_3_.drat", "1 0\n");  // not a refutation of z[3]'s formula
  CHECK(bad_proof.exit_code == 3);
  CHECK_THAT(bad_proof.out, Catch::Contains("z[3]: no verdict: UNSAT claimed but"));
  auto bad_model = tampered("z_0_.out", "s SATISFIABLE\nv 1 -2 3 0\n");
  CHECK(bad_model.exit_code == 3);
  CHECK_THAT(bad_model.out, Catch::Contains("does not satisfy the obligation"));
  auto no_status = tampered("z_5_.out", "c interrupted\n");
  CHECK(no_status.exit_code == 3);
  CHECK_THAT(no_status.out, Catch::Contains("no \"s SATISFIABLE\" or \"s UNSATISFIABLE\" line"));
  CHECK(run_verify("--collect " + dir.string()).exit_code == 0);  // restored: proved again
  std::filesystem::remove_all(dir);
}

TEST_CASE("a broken construction's emitted obligations collect to a replayed counterexample",
          "[cli][exchange]") {
  const auto dir = fresh_temp_dir("exchange_mutant");
  auto emit = run_verify(
      "--component fadd --p 4 --mutant ties-away-from-zero "
      "--emit-obligations " +
      dir.string());
  REQUIRE(emit.exit_code == 0);
  answer_all(dir);
  auto r = run_verify("--collect " + dir.string() + " --json");
  REQUIRE(r.exit_code == 1);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["verdict"] == "counterexample");
  CHECK(j["counterexample"]["replayed"] == true);
  std::filesystem::remove_all(dir);
}

TEST_CASE("emitting and collecting refuse bad requests with one line", "[cli][exchange]") {
  const auto dir = fresh_temp_dir("exchange_bad");
  std::filesystem::create_directories(dir);
  write_file(dir / "stale.cnf", "p cnf 1 1\n1 0\n");
  auto nonempty = run_verify("--component fadd --p 4 --emit-obligations " + dir.string());
  CHECK(nonempty.exit_code == 2);
  CHECK_THAT(nonempty.err, Catch::Contains("is not empty"));
  auto no_manifest = run_verify("--collect " + dir.string());
  CHECK(no_manifest.exit_code == 2);
  CHECK_THAT(no_manifest.err, Catch::Contains("no obligation manifest"));
  write_file(dir / "manifest.json", "{\"format\": \"tc-obligations 1\"");
  auto malformed = run_verify("--collect " + dir.string());
  CHECK(malformed.exit_code == 2);
  CHECK_THAT(malformed.err, Catch::Contains("malformed manifest"));
  auto extra = run_verify("--collect " + dir.string() + " --p 6");
  CHECK(extra.exit_code == 2);
  auto with_proof = run_verify("--component fadd --p 4 --proof " + dir.string() +
                               "/p --emit-obligations " + dir.string() + "/e");
  CHECK(with_proof.exit_code == 2);
  std::filesystem::remove_all(dir);
}
