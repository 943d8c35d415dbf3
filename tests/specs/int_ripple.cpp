// Tests of the schoolbook integer specs (specs/int_ripple.hpp) against exact integer arithmetic:
// exhaustive for operands of up to 6 bits, random at 12 bits.
#include <catch2/catch.hpp>

#include <functional>
#include <random>
#include <sstream>

#include "lib/simulate.hpp"
#include "specs/int_ripple.hpp"

using namespace tc;

namespace {

using Values = std::vector<uint64_t>;  // one number per word, in declaration order

// Evaluates `circuit` 64 assignments at a time: every assignment when random_rounds is 0, else
// random_rounds rounds of 64 random ones. Returns the first output that differs from
// expected(input word values), described, or "".
std::string first_mismatch(const Circuit& circuit,
                           const std::function<Values(const Values&)>& expected,
                           uint64_t random_rounds = 0) {
  const int n = circuit.num_input_bits();
  REQUIRE((random_rounds > 0 || n <= 26));
  Simulator sim(circuit);
  std::mt19937_64 rng(7);
  const uint64_t assignments = uint64_t{1} << std::min(n, 63);
  const uint64_t rounds = random_rounds ? random_rounds : (assignments + 63) / 64;
  std::vector<uint64_t> lanes(n);
  for (uint64_t r = 0; r < rounds; ++r) {
    const uint64_t base = r * 64;
    const uint64_t active = random_rounds ? 64 : std::min<uint64_t>(64, assignments - base);
    for (int i = 0; i < n; ++i) {
      if (random_rounds) {
        lanes[i] = rng();
        continue;
      }
      uint64_t lane_bits = 0;
      for (uint64_t j = 0; j < active; ++j) lane_bits |= (((base + j) >> i) & 1) << j;
      lanes[i] = lane_bits;
    }
    sim.run(lanes);
    auto word_value = [&](const Word& w, uint64_t lane) {
      uint64_t v = 0;
      for (size_t b = 0; b < w.bits.size(); ++b) v |= ((sim.value(w.bits[b]) >> lane) & 1) << b;
      return v;
    };
    for (uint64_t j = 0; j < active; ++j) {
      Values in, out;
      for (const Word& w : circuit.input_words()) in.push_back(word_value(w, j));
      for (const Word& w : circuit.output_words()) out.push_back(word_value(w, j));
      const Values want = expected(in);
      if (out != want) {
        std::ostringstream s;
        s << circuit.name() << ": inputs";
        for (uint64_t v : in) s << ' ' << v;
        s << " gave " << out[0] << ", expected " << want[0];
        return s.str();
      }
    }
  }
  return "";
}

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

TEST_CASE("ripple_ge is integer comparison, true at a = b and false at a = b - 1",
          "[int-ripple]") {
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
  const std::vector<std::pair<int, int>> shapes = {  // (p, n), exhaustive while n p <= 18
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
