// Tests of the integer threshold blocks (circuits/int_arith.hpp) against exact integer arithmetic,
// exhaustively at small widths, and of the depth of the four int-* constructions.
#include "circuits/int_arith.hpp"

#include <bit>
#include <catch2/catch.hpp>
#include <functional>
#include <sstream>

#include "circuits/int_add.hpp"
#include "circuits/int_cmp.hpp"
#include "circuits/int_iadd.hpp"
#include "circuits/int_mul.hpp"
#include "lib/analysis.hpp"
#include "lib/simulate.hpp"
#include "tests/int_oracle_check.hpp"
#include "verify/registry.hpp"

using namespace tc;
using tc::test::first_mismatch;
using tc::test::Values;

namespace {

// A circuit over words a (wa bits) and b (wb bits) whose output word "out" is make(a, b).
Circuit two_operand_circuit(int wa, int wb, const std::function<Bits(Circuit&, Bits, Bits)>& make) {
  Circuit c("block");
  const Bits a = c.add_input_word("a", wa, Decoding::unsigned_int());
  const Bits b = c.add_input_word("b", wb, Decoding::unsigned_int());
  c.add_output_word("out", make(c, a, b), Decoding::unsigned_int());
  return c;
}

}  // namespace

TEST_CASE("int_compare_ge agrees with integer comparison for all widths up to 5", "[int-arith]") {
  for (int wa = 1; wa <= 5; ++wa)
    for (int wb = 1; wb <= 5; ++wb) {
      const Circuit c = two_operand_circuit(
          wa, wb, [](Circuit& c, Bits a, Bits b) { return Bits{int_compare_ge(c, a, b)}; });
      CHECK(first_mismatch(c, [](const Values& v) { return Values{v[0] >= v[1]}; }) == "");
      CHECK(analyze(c).depth == 1);
    }
}

TEST_CASE("int_add agrees with integer addition for all widths up to 5", "[int-arith]") {
  for (int wa = 1; wa <= 5; ++wa)
    for (int wb = 1; wb <= 5; ++wb) {
      const Circuit c = two_operand_circuit(wa, wb, int_add);
      CHECK(c.output_word("out").bits.size() == static_cast<size_t>(std::max(wa, wb) + 1));
      CHECK(first_mismatch(c, [](const Values& v) { return Values{v[0] + v[1]}; }) == "");
      CHECK(analyze(c).depth <= 2);
    }
}

TEST_CASE("int_multiply agrees with integer multiplication for all widths up to 5", "[int-arith]") {
  for (int wa = 1; wa <= 5; ++wa)
    for (int wb = 1; wb <= 5; ++wb) {
      const Circuit c = two_operand_circuit(wa, wb, int_multiply);
      CHECK(c.output_word("out").bits.size() == static_cast<size_t>(wa + wb));
      CHECK(first_mismatch(c, [](const Values& v) { return Values{v[0] * v[1]}; }) == "");
      CHECK(analyze(c).depth <= 3);
    }
}

TEST_CASE("int_iterated_add agrees with integer sums of mixed-width operands", "[int-arith]") {
  const std::vector<std::vector<int>> shapes = {
      {1, 1}, {3, 2, 3}, {1, 1, 1, 1, 1, 1, 1}, {4, 1, 4, 2}, {2, 2, 2, 2, 2, 2, 2, 2}, {6, 6, 6}};
  for (const auto& widths : shapes) {
    Circuit c("iterated-add");
    std::vector<Bits> operands;
    uint64_t max_sum = 0;
    for (size_t i = 0; i < widths.size(); ++i) {
      const std::string name = std::string("x").append(std::to_string(i));
      operands.push_back(c.add_input_word(name, widths[i], Decoding::unsigned_int()));
      max_sum += (uint64_t{1} << widths[i]) - 1;
    }
    const Bits sum = int_iterated_add(c, operands);
    CHECK(sum.size() == static_cast<size_t>(std::bit_width(max_sum)));
    c.add_output_word("sum", sum, Decoding::unsigned_int());
    CHECK(first_mismatch(c, [](const Values& v) {
            uint64_t total = 0;
            for (uint64_t x : v) total += x;
            return Values{total};
          }) == "");
    CHECK(analyze(c).depth <= 2);
  }
}

TEST_CASE("int_add_columns adds bits of any significance, repeats allowed", "[int-arith]") {
  Circuit c("columns");
  const Bits x = c.add_input_word("x", 3, Decoding::unsigned_int());
  // S = x0 + x1 + 2 x0 + 8 x2 + 8 x1 + 8 x1 (column 2 left empty)
  const Columns columns = {{x[0], x[1]}, {x[0]}, {}, {x[2], x[1], x[1]}};
  c.add_output_word("sum", int_add_columns(c, columns), Decoding::unsigned_int());
  CHECK(first_mismatch(c, [](const Values& v) {
          const uint64_t x0 = v[0] & 1, x1 = (v[0] >> 1) & 1, x2 = (v[0] >> 2) & 1;
          return Values{3 * x0 + 17 * x1 + 8 * x2};
        }) == "");
}

TEST_CASE("int_telescope computes any Boolean function of a weighted sum in depth 2",
          "[int-arith]") {
  const std::vector<int64_t> weights = {1, 2, 3, 5, 7};
  const std::vector<std::function<bool(int64_t)>> functions = {
      [](int64_t s) { return s == 2 || s == 3 || s == 5 || s == 7 || s == 11 || s == 13; },
      [](int64_t s) { return s % 3 == 0; },  // true at 0: the other start of the alternation
      [](int64_t s) { return s >= 9; },
      [](int64_t) { return true; },
  };
  for (const auto& f : functions) {
    Circuit c("telescope");
    const Bits x = c.add_input_word("x", 5, Decoding::unsigned_int());
    WeightedSum sum;
    for (int i = 0; i < 5; ++i) sum.add_term(x[i], weights[i]);
    std::vector<int64_t> points;
    for (int64_t s = 1; s <= sum.max_value(); ++s)
      if (f(s) != f(s - 1)) points.push_back(s);
    c.add_output_word("f", {int_telescope(c, sum, f(0), points)}, Decoding::boolean());
    CHECK(first_mismatch(c, [&](const Values& v) {
            int64_t s = 0;
            for (int i = 0; i < 5; ++i) s += ((v[0] >> i) & 1) * weights[i];
            return Values{f(s)};
          }) == "");
    CHECK(analyze(c).depth <= 2);
  }
}

TEST_CASE("int_at_least is one gate that is exact at both edges", "[int-arith]") {
  Circuit c("at-least");
  const Bits x = c.add_input_word("x", 4, Decoding::unsigned_int());
  WeightedSum sum;
  for (int i = 0; i < 4; ++i) sum.add_term(x[i], int64_t{1} << i);
  for (int64_t t = 0; t <= 16; ++t) {
    Circuit ct = c;
    ct.add_output_word("y", {int_at_least(ct, sum, t)}, Decoding::boolean());
    CHECK(first_mismatch(ct, [&](const Values& v) { return Values{v[0] >= uint64_t(t)}; }) == "");
    CHECK(analyze(ct).gates <= 1);
  }
}

// --- depth of the components: the registry's pinned depth at every p, threshold gates only -----

namespace {

// The depth the registry pins for the component (verify/registry.cpp, Component::depth).
int pinned_depth(const std::string& name) {
  const Component* c = find_component(name);
  REQUIRE(c != nullptr);
  REQUIRE(c->depth > 0);
  return c->depth;
}

void check_depth(const std::function<Circuit(const Params&)>& build, int depth) {
  for (int p : {1, 2, 4, 8, 12, 16}) {
    Params params;
    params.p = p;
    const Circuit c = build(params);
    const CircuitStats stats = analyze(c);
    INFO(c.name() << " at p = " << p);
    CHECK(c.is_threshold_only());
    CHECK(stats.xor_gates == 0);
    if (p >= 4)
      CHECK(stats.depth == depth);
    else
      CHECK(stats.depth <= depth);  // tiny widths fold a layer away (int-mul at p = 1)
  }
}

}  // namespace

TEST_CASE("int-cmp has its registry depth (1) at every p", "[int-cmp]") {
  check_depth(int_cmp_construction, pinned_depth("int-cmp"));
}

TEST_CASE("int-add has its registry depth (2) at every p", "[int-add]") {
  check_depth(int_add_construction, pinned_depth("int-add"));
}

TEST_CASE("int-iadd has its registry depth (2) at every p and n", "[int-iadd]") {
  for (int n : {2, 4, 8})
    check_depth(
        [n](Params params) {
          params.n = n;
          return int_iadd_construction(params);
        },
        pinned_depth("int-iadd"));
}

TEST_CASE("int-mul has its registry depth (3) at every p", "[int-mul]") {
  check_depth(int_mul_construction, pinned_depth("int-mul"));
}
