// End-to-end tests of `verify --circuit FILE` and `--export-circuit FILE` (verify/user_circuit.hpp,
// docs/circuit-format.md): our exported construction proves in place of the built-in one, in the
// text format and as AIGER; one broken gate gives a replayed counterexample; mismatched ports,
// malformed files, too large files and misused options are one error line each with exit 2.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/support/run_verify.hpp"

using tc::test::run_verify;
using tc::test::verify_binary;

namespace {

std::string scratch(const std::string& name) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("tc_circuit_file_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return (dir / name).string();
}

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void spit(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

size_t count_lines(const std::string& s) {
  return static_cast<size_t>(std::count(s.begin(), s.end(), '\n'));
}

// fmul at p = 4, exported; the README's worked example starts here.
std::string exported_fmul() {
  const std::string path = scratch("fmul4.tc");
  const auto r = run_verify("--component fmul --p 4 --export-circuit " + path + " --stats-only");
  REQUIRE(r.exit_code == 0);
  return path;
}

}  // namespace

TEST_CASE("an exported construction proves in place of the built-in one", "[cli][circuit_file]") {
  const std::string path = exported_fmul();
  CHECK(slurp(path).find("input x 10 float 4 5") != std::string::npos);
  for (const std::string engine : {"sim", "sat"}) {
    INFO(engine);
    const auto r = run_verify("--component fmul --p 4 --engine " + engine + " --circuit " + path);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("PROVED") != std::string::npos);
    CHECK(r.out.find("circuit       " + path) != std::string::npos);
  }
  const auto j =
      nlohmann::json::parse(run_verify("--component fmul --p 4 --json --circuit " + path).out);
  CHECK(j["verdict"] == "proved");
  CHECK(j["circuit_file"] == path);
  CHECK(j["construction"]["gates"] == j["builtin_construction"]["gates"]);
  CHECK(j["construction"]["depth"] == j["builtin_construction"]["depth"]);
  CHECK(j["construction"]["max_weight"] == j["builtin_construction"]["max_weight"]);
}

TEST_CASE("one broken gate in a circuit file gives a replayed counterexample",
          "[cli][circuit_file]") {
  std::string text = slurp(exported_fmul());
  const size_t at = text.find("\ng8 = AND(");
  REQUIRE(at != std::string::npos);
  text.replace(at, 10, "\ng8 = OR(");  // the README's sed line does the same
  const std::string broken = scratch("broken.tc");
  spit(broken, text);
  for (const std::string engine : {"sim", "sat"}) {
    INFO(engine);
    const auto r = run_verify("--component fmul --p 4 --engine " + engine + " --circuit " + broken);
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("COUNTEREXAMPLE, replayed") != std::string::npos);
    CHECK(r.out.find(", circuit = ") != std::string::npos);
    CHECK(r.out.find("<-- differs") != std::string::npos);
  }
}

TEST_CASE("AIGER files from our exporter and from ABC prove in place of the construction",
          "[cli][circuit_file]") {
  const std::string base = scratch("fmul4");
  REQUIRE(run_verify("--component fmul --p 4 --stats-only --export-aiger " + base).exit_code == 0);
  auto r = run_verify("--component fmul --p 4 --circuit " + base + ".construction.aig");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("PROVED") != std::string::npos);
  // ABC rewrites the file without symbols: the pins are then the spec's words in order.
  const std::string plain = scratch("plain.aig");
  const std::string abc = "berkeley-abc -c \"read " + base +
                          ".construction.aig; strash; write_aiger " + plain + "\" >/dev/null";
  REQUIRE(std::system(abc.c_str()) == 0);
  r = run_verify("--component fmul --p 4 --circuit " + plain);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("PROVED") != std::string::npos);
}

TEST_CASE("circuit files with the wrong ports name each mismatch on its own line",
          "[cli][circuit_file]") {
  std::string text = slurp(exported_fmul());
  // Rename input y to w, drop the top bit of output z.
  std::string ports;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("input y ", 0) == 0) line = "input w 10 float 4 5";
    for (size_t at; (at = line.find("y[")) != std::string::npos;) line.replace(at, 2, "w[");
    if (line.rfind("output z ", 0) == 0)
      line =
          "output z 9 = " + line.substr(line.find('=') + 2, line.rfind(' ') - line.find('=') - 2);
    ports += line + "\n";
  }
  const std::string path = scratch("ports.tc");
  spit(path, ports);
  const auto r = run_verify("--component fmul --p 4 --circuit " + path);
  CHECK(r.exit_code == 2);
  CHECK(count_lines(r.err) == 3);
  CHECK(r.err.find("missing input word 'y'") != std::string::npos);
  CHECK(r.err.find("input word 'w' is not one of the spec's (x, y)") != std::string::npos);
  CHECK(r.err.find("output word 'z' has 9 bits, the spec's has 10") != std::string::npos);
}

TEST_CASE("bad circuit files and misused options are one error line with exit 2",
          "[cli][circuit_file]") {
  const std::string good = exported_fmul();
  const std::string bad = scratch("bad.tc");
  spit(bad,
       "input x 10\ninput y 10\ng1 = AND(x[0], q)\noutput z 10 = g1 g1 g1 g1 g1 g1 g1 g1 g1 g1\n");
  const std::string xor_file = scratch("xor.tc");
  spit(xor_file,
       "input x 10\ninput y 10\ng1 = XOR(x[0], y[0])\noutput z 10 = g1 g1 g1 g1 g1 g1 g1 g1 g1 "
       "g1\n");
  const std::string huge = scratch("huge.tc");  // each line asks for 2^20 input nodes
  std::string words;
  for (int i = 0; i < 64; ++i) words += "input w" + std::to_string(i) + " 1048576\n";
  spit(huge, words);
  const std::pair<std::string, std::string> cases[] = {
      {"--circuit " + bad, bad + ":3:16: unknown signal 'q'"},
      {"--circuit " + xor_file, "uses XOR gates"},
      {"--circuit " + scratch("missing.tc"), "cannot read"},
      {"--circuit " + scratch("fmul.v"), "unknown circuit format"},
      {"--circuit " + good + " --mutant truncation", "with --circuit, break your file instead"},
  };
  for (const auto& [args, fragment] : cases) {
    INFO(args);
    const auto r = run_verify("--component fmul --p 4 " + args);
    CHECK(r.exit_code == 2);
    CHECK(count_lines(r.err) == 1);
    CHECK(r.err.find(fragment) != std::string::npos);
  }
  auto r = run_verify("--all --p 4 --circuit " + good);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--circuit takes one --component") != std::string::npos);
  // Memory running out while reading is one line too (the address space is capped at 500 MB).
  const std::string cmd = std::string("ulimit -v 500000; ") + verify_binary() +
                          " --component fmul --p 4 --circuit " + huge + " >/dev/null 2>" +
                          scratch("oom.err");
  const int status = std::system(cmd.c_str());
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 2);
  const std::string err = slurp(scratch("oom.err"));
  CHECK(count_lines(err) == 1);
  CHECK(err.find("out of memory") != std::string::npos);
}

TEST_CASE(
    "a weights file with a number beyond a double is one error line and not an internal error",
    "[cli]") {
  // Found by fuzz/value_parsers.cpp: nlohmann's out_of_range escaped as exit 4.
  const std::string path = scratch("huge-number.json");
  spit(path, "{\"W\": 2E582}");
  const auto r = run_verify("--component conv1d --stats-only --weights " + path);
  CHECK(r.exit_code == 2);
  CHECK(count_lines(r.err) == 1);
  CHECK(r.err.find("number overflow") != std::string::npos);
}
