// Tests of the schoolbook integer specs (specs/int_ripple.hpp) against exact integer arithmetic:
// exhaustive for operands of up to 6 bits, random at 12 bits.
#include "specs/int_ripple.hpp"

#include <catch2/catch.hpp>
#include <functional>
#include <random>
#include <sstream>

#include "lib/simulate.hpp"
#include "tests/int_oracle_check.hpp"

using namespace tc;
using tc::test::first_mismatch;
using tc::test::Values;

namespace {

Circuit two_operand_circuit(int p, const std::function<Bits(Circuit&, Bits, Bits)>& make) {
  Circuit c("ripple-" + std::to_string(p));
  const Bits a = c.add_input_word("a", p, Decoding::unsigned_int());
  const Bits b = c.add_input_word("b", p, Decoding::unsigned_int());
  c.add_output_word("out", make(c, a, b), Decoding::unsigned_int());
  return c;
}

std::string operand_name(int i) { return std::string("x").append(std::to_string(i)); }

Values sum_of(const Values& v) {
  uint64_t total = 0;
  for (uint64_t x : v) total += x;
  return {total};
}

}  // namespace

TEST_CASE("ripple_add is integer addition", "[int-ripple]") {
  auto add = [](Circuit& c, Bits a, Bits b) { return ripple_add(c, a, b); };
  auto exact = [](const Values& v) { return Values{v[0] + v[1]}; };
  for (int p = 1; p <= 6; ++p) CHECK(first_mismatch(two_operand_circuit(p, add), exact) == "");
  CHECK(first_mismatch(two_operand_circuit(12, add), exact, 200) == "");
}

TEST_CASE("ripple_add honours its carry-in and mixed widths", "[int-ripple]") {
  Circuit c("ripple-carry-in");
  const Bits a = c.add_input_word("a", 4, Decoding::unsigned_int());
  const Bits b = c.add_input_word("b", 2, Decoding::unsigned_int());
  const Bits cin = c.add_input_word("cin", 1, Decoding::unsigned_int());
  const Bits sum = ripple_add(c, a, b, cin[0]);
  CHECK(sum.size() == 5);
  c.add_output_word("sum", sum, Decoding::unsigned_int());
  CHECK(first_mismatch(c, sum_of) == "");
}

TEST_CASE("ripple_ge is integer comparison, true at a = b and false at a = b - 1", "[int-ripple]") {
  auto ge = [](Circuit& c, Bits a, Bits b) { return Bits{ripple_ge(c, a, b)}; };
  auto exact = [](const Values& v) { return Values{v[0] >= v[1]}; };
  for (int p = 1; p <= 6; ++p) CHECK(first_mismatch(two_operand_circuit(p, ge), exact) == "");
  CHECK(first_mismatch(two_operand_circuit(12, ge), exact, 200) == "");
}

TEST_CASE("ripple_multiply is integer multiplication", "[int-ripple]") {
  auto mul = [](Circuit& c, Bits a, Bits b) { return ripple_multiply(c, a, b); };
  auto exact = [](const Values& v) { return Values{v[0] * v[1]}; };
  for (int p = 1; p <= 6; ++p) {
    const Circuit c = two_operand_circuit(p, mul);
    CHECK(c.output_words()[0].bits.size() == static_cast<size_t>(2 * p));
    CHECK(first_mismatch(c, exact) == "");
  }
  CHECK(first_mismatch(two_operand_circuit(12, mul), exact, 200) == "");
}

TEST_CASE("ripple_iterated_add is the integer sum of n operands", "[int-ripple]") {
  const std::vector<std::pair<int, int>> shapes = {
      // (p, n), exhaustive while n p <= 18
      {1, 2}, {1, 8}, {2, 5}, {3, 4}, {4, 4}, {6, 3}, {2, 8}};
  for (auto [p, n] : shapes) {
    Circuit c("ripple-chain");
    std::vector<Bits> operands;
    for (int i = 0; i < n; ++i)
      operands.push_back(c.add_input_word(operand_name(i), p, Decoding::unsigned_int()));
    const Bits sum = ripple_iterated_add(c, operands);
    CHECK(sum.size() == static_cast<size_t>(p + n - 1));
    c.add_output_word("sum", sum, Decoding::unsigned_int());
    INFO("p = " << p << ", n = " << n);
    CHECK(first_mismatch(c, sum_of) == "");
  }
  Circuit c("ripple-chain-12");
  std::vector<Bits> operands;
  for (int i = 0; i < 4; ++i)
    operands.push_back(c.add_input_word(operand_name(i), 12, Decoding::unsigned_int()));
  c.add_output_word("sum", ripple_iterated_add(c, operands), Decoding::unsigned_int());
  CHECK(first_mismatch(c, sum_of, 200) == "");
}
