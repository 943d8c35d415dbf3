// Tests for the reference unit propagator (tests/support/unit_propagation.cpp) on
// hand-made formulas whose fixpoints are known.
#include "tests/support/unit_propagation.hpp"

#include <catch2/catch.hpp>

using namespace tc;

TEST_CASE("unit propagation follows an implication chain from an assumption", "[cnf][up]") {
  Cnf cnf;
  cnf.add_clause({-1, 2});
  cnf.add_clause({-2, -3});
  cnf.add_clause({3, 4, 5});
  const auto values = cnf_unit_propagate(cnf, {1});
  REQUIRE(values);
  CHECK(values->size() == 6);
  CHECK((*values)[1] == 1);
  CHECK((*values)[2] == 1);
  CHECK((*values)[3] == -1);
  CHECK((*values)[4] == 0);  // clause 3 4 5 has two free literals left
  CHECK((*values)[5] == 0);
}

TEST_CASE("unit propagation without assumptions uses the unit clauses", "[cnf][up]") {
  Cnf cnf;
  cnf.add_clause({1, 2});
  cnf.add_clause({-1});
  const auto values = cnf_unit_propagate(cnf, {});
  REQUIRE(values);
  CHECK((*values)[1] == -1);
  CHECK((*values)[2] == 1);
}

TEST_CASE("unit propagation reports a falsified clause as a conflict", "[cnf][up]") {
  Cnf cnf;
  cnf.add_clause({-1, 2});
  cnf.add_clause({-1, -2});
  CHECK_FALSE(cnf_unit_propagate(cnf, {1}));
  CHECK(cnf_unit_propagate(cnf, {-1}));
}

TEST_CASE("contradictory assumptions and empty clauses are conflicts", "[cnf][up]") {
  Cnf cnf;
  cnf.add_clause({1, 2});
  CHECK_FALSE(cnf_unit_propagate(cnf, {3, -3}));
  CHECK_FALSE(cnf_unit_propagate(cnf, {-1, -2}));
  cnf.add_clause({});
  CHECK_FALSE(cnf_unit_propagate(cnf, {}));
}

TEST_CASE("assumptions may use variables beyond the formula", "[cnf][up]") {
  Cnf cnf;
  cnf.add_clause({1, 2});
  const auto values = cnf_unit_propagate(cnf, {7, -1});
  REQUIRE(values);
  CHECK(values->size() == 8);
  CHECK((*values)[7] == 1);
  CHECK((*values)[2] == 1);
}

TEST_CASE("a pigeonhole formula is not refuted by unit propagation alone", "[cnf][up]") {
  // 3 pigeons, 2 holes; variable 2*p + h + 1.
  Cnf cnf;
  for (int p = 0; p < 3; ++p) cnf.add_clause({2 * p + 1, 2 * p + 2});
  for (int h = 0; h < 2; ++h)
    for (int p = 0; p < 3; ++p)
      for (int q = p + 1; q < 3; ++q) cnf.add_clause({-(2 * p + h + 1), -(2 * q + h + 1)});
  const auto values = cnf_unit_propagate(cnf, {});
  REQUIRE(values);
  for (int v = 1; v <= 6; ++v) CHECK((*values)[size_t(v)] == 0);
  // Placing pigeon 0 in hole 0 forces the others to hole 1: conflict.
  CHECK_FALSE(cnf_unit_propagate(cnf, {1}));
}

TEST_CASE("a clause with a repeated literal still propagates as a unit", "[cnf][up]") {
  // Found by differential fuzzing against the DRUP checker.
  Cnf cnf;
  cnf.add_clause({6, -1, 6});
  cnf.add_clause({-6, -1, -6});
  const auto values = cnf_unit_propagate(cnf, {-1});
  REQUIRE(values);
  CHECK((*values)[6] == 0);
  CHECK_FALSE(cnf_unit_propagate(cnf, {1}));
  Cnf spread;
  spread.add_clause({2, 3, 2, -1});
  const auto unit = cnf_unit_propagate(spread, {1, -3});
  REQUIRE(unit);
  CHECK((*unit)[2] == 1);
  Cnf doubled;
  doubled.add_clause({2, 2});
  doubled.add_clause({-2, 3});
  const auto root = cnf_unit_propagate(doubled, {});
  REQUIRE(root);
  CHECK((*root)[3] == 1);
}
