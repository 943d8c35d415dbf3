// Tests for DIMACS reading and writing (lib/cnf/dimacs.cpp): round trips and
// the one-line errors for malformed files.
#include "lib/cnf/dimacs.hpp"

#include <catch2/catch.hpp>
#include <sstream>
#include <stdexcept>

using namespace tc;

namespace {

Cnf read(const std::string& text) {
  std::istringstream in(text);
  return cnf_read_dimacs(in);
}

}  // namespace

TEST_CASE("dimacs writing then reading gives the same formula", "[cnf][dimacs]") {
  Cnf cnf;
  cnf.num_vars = 7;  // variable 7 unused but declared
  cnf.add_clause({1, -2, 3});
  cnf.add_clause({-4});
  cnf.add_clause({});
  cnf.add_clause({5, 6, -1, 2});
  std::ostringstream out;
  cnf_write_dimacs(out, cnf, {"miter of log8", "second line"});
  const std::string text = out.str();
  CHECK(text.rfind("c miter of log8\nc second line\np cnf 7 4\n", 0) == 0);
  const Cnf back = read(text);
  CHECK(back.num_vars == 7);
  CHECK(back.clauses == cnf.clauses);
}

TEST_CASE("dimacs reader accepts comments, blank lines and clauses across lines", "[cnf][dimacs]") {
  const Cnf cnf = read("c hello\n\np cnf 3 2\n1 -2\n c inner comment\n 3 0 -1 0\n");
  CHECK(cnf.num_vars == 3);
  REQUIRE(cnf.clauses.size() == 2);
  CHECK(cnf.clauses[0] == Clause{1, -2, 3});
  CHECK(cnf.clauses[1] == Clause{-1});
}

TEST_CASE("dimacs reader rejects malformed input with a one-line message", "[cnf][dimacs]") {
  using Catch::Contains;
  CHECK_THROWS_WITH(read("1 2 0\n"), Contains("line 1") && Contains("before the 'p cnf' header"));
  CHECK_THROWS_WITH(read(""), Contains("missing 'p cnf' header"));
  CHECK_THROWS_WITH(read("p cnf 3\n1 0\n"), Contains("malformed header"));
  CHECK_THROWS_WITH(read("p dnf 3 1\n1 0\n"), Contains("malformed header"));
  CHECK_THROWS_WITH(read("p cnf 3 1\np cnf 3 1\n1 0\n"), Contains("second 'p' header"));
  CHECK_THROWS_WITH(read("p cnf 3 1\n1 x 0\n"), Contains("line 2") && Contains("'x'"));
  CHECK_THROWS_WITH(read("p cnf 3 1\n1 4 0\n"), Contains("literal 4 exceeds"));
  CHECK_THROWS_WITH(read("p cnf 3 2\n1 0\n"), Contains("declares 2 clauses, found 1"));
  CHECK_THROWS_WITH(read("p cnf 3 1\n1 0\n2 -3\n"),
                    Contains("line 3") && Contains("not terminated"));
  CHECK_THROWS_WITH(read("p cnf 3 1\n1 99999999999999999999 0\n"), Contains("not an integer"));
  CHECK_THROWS_AS(read("p cnf 3 1\n1 2.5 0\n"), std::runtime_error);
}
