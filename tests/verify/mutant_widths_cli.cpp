// Every circuit mutant of every component caught at every p of the component's tested range,
// not only at the one width the CLI sweep in cli.cpp runs (regression_p). Where a mutant is equal
// to the construction at some width, the table says so with the reason, and the check proves it
// equal there (tests/support/mutant_widths.hpp).
//
// A component's tested range runs from its smallest p up to where its proofs stop taking a few
// seconds: the integer components to p = 8, the float components to p = 4 (cli.cpp's
// regression_p), the elementary functions to p = 6, the SSM components to p = 3 or 4 (their
// defaults for L, N, D and K). One test case per group.
#include <catch2/catch.hpp>
#include <set>

#include "tests/support/mutant_widths.hpp"
#include "verify/registry.hpp"

using tc::test::check_mutants_at_every_width;
using tc::test::MutantWidths;

namespace {

const std::vector<MutantWidths>& integer_widths() {
  static const std::vector<MutantWidths> w = {
      {"int-cmp", 1, 8, {}},
      {"int-add",
       1,
       8,
       {{"dropped-top-carry", 1,
         "at p = 1 the top column is the only one: no carry comes into it"}}},
      {"int-iadd", 1, 8, {}},
      {"int-mul", 1, 8, {}},
  };
  return w;
}

const std::vector<MutantWidths>& float_widths() {
  static const std::vector<MutantWidths> w = {
      {"fadd", 2, 4, {}},
      {"fmul",
       2,
       4,
       {{"rounding-carry-dropped", 2,
         "at p = 2 the significand products 4, 6 and 9 never round up to 2^p, so the carry "
         "into the exponent never fires"}}},
      {"fcmp", 2, 4, {}},
      {"ffloor", 2, 4, {}},
      {"fdiv",
       2,
       4,
       {{"series-term-dropped", 2,
         "at p = 2 the reciprocal table is indexed by the divisor's whole fraction (k = p - 1), "
         "so t is too small for its term to change a rounded quotient"}}},
  };
  return w;
}

const std::vector<MutantWidths>& multi_operand_widths() {
  static const std::vector<MutantWidths> w = {
      {"fsum", 2, 4, {}},
      {"matmul", 2, 4, {}},
      {"fprod",
       2,
       4,
       {{"sticky-dropped", 2,
         "at p = 2 (n = 3) the significand products 8, 12, 18 and 27 all have round bit 0, so the "
         "sticky bit never decides"}}},
      {"hadamard", 2, 4, {}},
  };
  return w;
}

// Exp's ln 2 constant and the blocks of exp and log inside silu and softplus are rounded design
// constants: at the smallest p the rounding hides several of their mistakes.
const std::vector<MutantWidths>& elementary_widths() {
  static const std::vector<MutantWidths> w = {
      {"log", 3, 6, {}},
      {"exp",
       2,
       6,
       {{"ln2-constant-short", 2,
         "at p = 2 the guard bits missing from ln 2 move K ln 2 by less than a rounded result "
         "shows"},
        {"ln2-constant-short", 3,
         "at p = 3 the guard bits missing from ln 2 move K ln 2 by less than a rounded result "
         "shows"}}},
      {"silu",
       2,
       6,
       {{"exp-taylor-term-dropped", 2,
         "at p = 2 the inner exp's r^2 / 2 term is too small to change a rounded silu"}}},
      {"softplus",
       2,
       6,
       {{"tiny-branch-dropped", 2,
         "at p = 2 the tiny case (e^x < 2^-p1) rounds to the same result with or without its "
         "branch"},
        {"tiny-branch-dropped", 3,
         "at p = 3 the tiny case (e^x < 2^-p1) rounds to the same result with or without its "
         "branch"},
        {"exp-taylor-term-dropped", 2,
         "at p = 2 the inner exp's r^2 / 2 term is too small to change a rounded softplus"},
        {"log-ln2-at-p-bits", 2,
         "at p = 2 the inner log's ln 2 at p1 bits rounds every softplus the same"},
        {"log-ln2-at-p-bits", 3,
         "at p = 3 the inner log's ln 2 at p1 bits rounds every softplus the same"},
        {"log-ln2-at-p-bits", 5,
         "at p = 5 the inner log's ln 2 at p1 bits rounds every softplus the same"}}},
  };
  return w;
}

// The SSM layer, in two groups to keep each test case short.
const std::vector<MutantWidths>& ssm_block_widths() {
  static const std::vector<MutantWidths> w = {
      {"conv1d", 2, 4, {}},
      {"selection", 2, 3, {}},
      {"discretize", 2, 4, {}},
      {"scan", 2, 4, {}},
  };
  return w;
}

const std::vector<MutantWidths>& ssm_layer_widths() {
  static const std::vector<MutantWidths> w = {
      {"conv-kernel", 2, 3, {}},
      {"conv-ssm", 2, 3, {}},
      {"selective-ssm", 2, 3, {}},
      {"mamba", 2, 3, {}},
  };
  return w;
}

}  // namespace

TEST_CASE("every registered component has a tested range for its mutants", "[mutants][widths]") {
  std::set<std::string> listed;
  for (const auto* group : {&integer_widths(), &float_widths(), &multi_operand_widths(),
                            &elementary_widths(), &ssm_block_widths(), &ssm_layer_widths()})
    for (const MutantWidths& w : *group) CHECK(listed.insert(w.component).second);
  for (const auto& c : tc::all_components()) {
    INFO(c.name);
    CHECK(listed.count(c.name) == 1);
  }
  CHECK(listed.size() == tc::all_components().size());
}

TEST_CASE("every integer mutant is caught at every p of its range", "[mutants][widths][int]") {
  for (const MutantWidths& w : integer_widths()) check_mutants_at_every_width(w);
}

TEST_CASE("every float mutant is caught at every p of its range", "[mutants][widths][float]") {
  for (const MutantWidths& w : float_widths()) check_mutants_at_every_width(w);
}

TEST_CASE("every multi-operand float mutant is caught at every p of its range",
          "[mutants][widths][multi-operand]") {
  for (const MutantWidths& w : multi_operand_widths()) check_mutants_at_every_width(w);
}

TEST_CASE("every elementary-function mutant is caught at every p of its range",
          "[mutants][widths][elementary]") {
  for (const MutantWidths& w : elementary_widths()) check_mutants_at_every_width(w);
}

TEST_CASE("every mutant of the SSM blocks is caught at every p of its range",
          "[mutants][widths][ssm-blocks]") {
  for (const MutantWidths& w : ssm_block_widths()) check_mutants_at_every_width(w);
}

TEST_CASE("every mutant of the SSM layers is caught at every p of its range",
          "[mutants][widths][ssm-layers]") {
  for (const MutantWidths& w : ssm_layer_widths()) check_mutants_at_every_width(w);
}
