// Tests of all-or-nothing exports (lib/export/atomic_files.hpp and every verify --export-*): a
// finished export leaves exactly its files, a failed one leaves none, partial, empty or temporary.
#include "lib/export/atomic_files.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "tests/support/run_verify.hpp"

using namespace tc;
using tc::test::run_verify;

namespace {

namespace fs = std::filesystem;

// A fresh empty directory for one test, removed with everything in it at the end.
struct ScratchDir {
  explicit ScratchDir(const std::string& tag)
      : path(fs::temp_directory_path() / ("tc-atomic-" + tag + "-" + std::to_string(::getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~ScratchDir() { fs::remove_all(path); }
  std::string operator/(const std::string& name) const { return (path / name).string(); }
  fs::path path;
};

// Every entry of the directory, hidden ones (the temporaries) included.
std::set<std::string> entries(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
  return names;
}

std::string contents(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

int lines(const std::string& text) {
  int n = 0;
  for (char c : text) n += c == '\n';
  return n;
}

}  // namespace

TEST_CASE("committed files appear whole under their names, with no temporaries", "[export]") {
  ScratchDir dir("commit");
  {
    AtomicFiles files;
    files.open(dir / "a.txt") << "first\n";
    files.open(dir / "b.txt") << "second\n";
    CHECK(entries(dir.path).size() == 2);  // only the temporaries so far
    CHECK_FALSE(fs::exists(dir / "a.txt"));
    files.commit();
  }
  CHECK(entries(dir.path) == std::set<std::string>{"a.txt", "b.txt"});
  CHECK(contents(dir / "a.txt") == "first\n");
  CHECK(contents(dir / "b.txt") == "second\n");
}

TEST_CASE("files not committed (a writer threw) leave nothing behind", "[export]") {
  ScratchDir dir("throw");
  std::ofstream(dir / "b.txt") << "an older file\n";
  auto failing_export = [&] {
    AtomicFiles files;
    files.open(dir / "a.txt") << "complete\n";
    files.open(dir / "b.txt") << "half of it";
    throw std::runtime_error("a size limit");
  };
  CHECK_THROWS_WITH(failing_export(), "a size limit");
  CHECK(entries(dir.path) == std::set<std::string>{"b.txt"});
  CHECK(contents(dir / "b.txt") == "an older file\n");  // not replaced by the partial one
}

TEST_CASE("a file in a missing directory is an error naming it, and nothing is written",
          "[export]") {
  ScratchDir dir("missing");
  AtomicFiles files;
  files.open(dir / "a.txt") << "x";
  CHECK_THROWS_AS(files.open(dir / "no-such-dir/b.txt"), ExportFileError);
  CHECK_THROWS_WITH(
      files.open(dir / "no-such-dir/b.txt"),
      Catch::Contains("no-such-dir/b.txt") && Catch::Contains("No such file or directory"));
}

TEST_CASE("one path given for two exports is an error, not two writers on one file", "[export]") {
  ScratchDir dir("twice");
  AtomicFiles files;
  files.open(dir / "a.txt") << "x";
  CHECK_THROWS_WITH(files.open(dir / "a.txt"), Catch::Contains("twice"));
}

TEST_CASE("verify's exports write exactly their files, and no temporaries", "[export][cli]") {
  ScratchDir dir("cli");
  const auto r =
      run_verify("--component fadd --p 4 --stats-only --export-aiger " + (dir / "x") +
                 " --export-cnf " + (dir / "x.cnf") + " --export-opb " + (dir / "x.opb") +
                 " --export-dot " + (dir / "x.dot") + " --export-circuit " + (dir / "x.tc"));
  REQUIRE(r.exit_code == 0);
  CHECK(entries(dir.path) == std::set<std::string>{"x.construction.aig", "x.spec.aig",
                                                   "x.miter.aig", "x.cnf", "x.opb", "x.dot",
                                                   "x.tc"});
  for (const auto& name : entries(dir.path)) CHECK(fs::file_size(dir.path / name) > 0);
  CHECK(lines(r.err) == 7);  // one "wrote" line per file
}

TEST_CASE("an export that cannot be written is one error line, exit 2, and no file at all",
          "[export][cli]") {
  ScratchDir dir("cli-fail");
  // The CNF's path is fine, the OPB's directory is missing: neither file may appear.
  auto r = run_verify("--component fadd --p 4 --stats-only --export-cnf " + (dir / "x.cnf") +
                      " --export-opb " + (dir / "missing/x.opb"));
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "verify: error: cannot write " + (dir / "missing/x.opb") + ": No such file or directory\n");
  CHECK(entries(dir.path).empty());
  r = run_verify("--component fadd --p 4 --stats-only --export-circuit " + (dir / "missing/x.tc"));
  CHECK(r.exit_code == 2);
  CHECK(lines(r.err) == 1);
  CHECK(entries(dir.path).empty());
}

TEST_CASE("an export stopped by the memory limit leaves no file", "[export][cli]") {
  ScratchDir dir("cli-memory");
  // exp's BDDs alone (--encoding bdd) make about 16 million clauses at p = 4, far past 0.3 GiB:
  // the CNF's writer runs out of memory part way (the OPB's file is open, not yet written).
  const auto r = run_verify(
      "--component exp --p 4 --stats-only --encoding bdd --memory-limit 0.3 "
      "--export-cnf " +
      (dir / "x.cnf") + " --export-opb " + (dir / "x.opb"));
  CHECK(r.exit_code == 3);
  CHECK(lines(r.err) == 1);
  CHECK(r.err.find("out of memory") != std::string::npos);
  CHECK(entries(dir.path).empty());
}
