// Tests of bit-parallel simulation and simulation-based comparison.
#include "lib/simulate.hpp"

#include <catch2/catch.hpp>
#include <random>

#include "lib/circuit.hpp"

using namespace tc;

TEST_CASE("bit-sliced threshold evaluation matches a per-lane sum", "[simulate]") {
  std::mt19937_64 rng(3);
  for (int trial = 0; trial < 200; ++trial) {
    Circuit c;
    const int k = 2 + static_cast<int>(rng() % 12);
    Bits x = c.add_input_word("x", k, Decoding::unsigned_int());
    std::vector<int64_t> w(k);
    for (auto& v : w) v = static_cast<int64_t>(rng() % (1u << (rng() % 20))) - 3;
    const int64_t t = static_cast<int64_t>(rng() % 1000) - 100;
    Signal g = c.create_threshold(x, w, t);
    c.add_output_word("y", {g}, Decoding::boolean());
    Simulator sim(c);
    std::vector<uint64_t> lanes(k);
    for (auto& l : lanes) l = rng();
    sim.run(lanes);
    for (int lane = 0; lane < 64; ++lane) {
      int64_t sum = 0;
      for (int i = 0; i < k; ++i) sum += ((lanes[i] >> lane) & 1) ? w[i] : 0;
      REQUIRE(((sim.value(g) >> lane) & 1) == static_cast<uint64_t>(sum >= t));
    }
  }
}

namespace {

// 3-bit "x + 1 mod 8" written two ways; `broken` flips one carry.
Circuit increment(bool broken) {
  Circuit c(broken ? "broken" : "increment");
  Bits x = c.add_input_word("x", 3, Decoding::unsigned_int());
  Signal c1 = x[0];
  Signal c2 = c.create_and(x[0], x[1]);
  if (broken) c2 = x[1];
  c.add_output_word("y", {!x[0], c.create_xor(x[1], c1), c.create_xor(x[2], c2)},
                    Decoding::unsigned_int());
  return c;
}

}  // namespace

TEST_CASE("exhaustive comparison proves equal circuits and finds a difference", "[simulate]") {
  CompareResult same = compare_by_simulation(increment(false), increment(false), {});
  CHECK(same.complete);
  CHECK_FALSE(same.difference);
  CHECK(same.valid_points == 8);
  CompareResult diff = compare_by_simulation(increment(false), increment(true), {});
  REQUIRE(diff.difference);
  // x1 = 1, x0 = 0 is where the broken carry fires wrongly.
  CHECK((*diff.difference)[1]);
  CHECK_FALSE((*diff.difference)[0]);
}

TEST_CASE("constraints exclude invalid inputs from comparison", "[simulate]") {
  Circuit a("a"), b("b");
  for (Circuit* c : {&a, &b}) {
    Bits x = c->add_input_word("x", 2, Decoding::unsigned_int());
    c->add_constraint(!x[1]);  // only x < 2 is valid
    c->add_output_word("y", {c == &a ? x[0] : c->create_or(x[0], x[1])}, Decoding::boolean());
  }
  CompareResult r = compare_by_simulation(a, b, {});
  CHECK_FALSE(r.difference);
  CHECK(r.valid_points == 2);
}

TEST_CASE("mismatched interfaces are rejected by name", "[simulate]") {
  Circuit a("a"), b("b");
  a.add_input_word("x", 2, Decoding::unsigned_int());
  b.add_input_word("z", 2, Decoding::unsigned_int());
  CHECK_THROWS_WITH(compare_by_simulation(a, b, {}), Catch::Contains("input word 'x'"));
}
