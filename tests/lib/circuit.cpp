// Tests of the circuit IR: normalization, folding, structural hashing, import.
#include "lib/circuit.hpp"

#include <catch2/catch.hpp>
#include <random>
#include <stdexcept>

#include "lib/simulate.hpp"

using namespace tc;

TEST_CASE("threshold gates fold constants and trivial thresholds", "[circuit]") {
  Circuit c;
  Bits x = c.add_input_word("x", 3, Decoding::unsigned_int());
  CHECK(c.create_threshold({x[0], x[1]}, {1, 1}, 0) == kTrue);
  CHECK(c.create_threshold({x[0], x[1]}, {1, 1}, 3) == kFalse);
  CHECK(c.create_threshold({x[0], kTrue}, {1, 1}, 2) == x[0]);
  CHECK(c.create_threshold({x[0], kFalse}, {5, 1}, 2) == x[0]);
  CHECK(c.create_threshold({x[0]}, {-1}, 0) == !x[0]);
  CHECK(c.create_threshold({x[0], !x[0]}, {1, 1}, 1) == kTrue);
}

TEST_CASE("equal gates are built once, complements are shared", "[circuit]") {
  Circuit c;
  Bits x = c.add_input_word("x", 3, Decoding::unsigned_int());
  Signal a = c.create_and({x[0], x[1], x[2]});
  size_t nodes = c.num_nodes();
  CHECK(c.create_and({x[2], x[0], x[1]}) == a);
  CHECK(c.create_threshold({x[0], x[1], x[2]}, {2, 2, 2}, 6) == a);   // gcd divides out
  CHECK(c.create_threshold({x[0], x[1], x[2]}, {7, 7, 7}, 15) == a);  // clipping and gcd
  // NOT(x0 & x1 & x2) = [!x0 + !x1 + !x2 >= 1]
  CHECK(c.create_or({!x[0], !x[1], !x[2]}) == !a);
  CHECK(c.num_nodes() == nodes);
}

TEST_CASE("negative weights become complemented literals", "[circuit]") {
  Circuit c;
  Bits x = c.add_input_word("x", 2, Decoding::unsigned_int());
  // x0 - x1 >= 1  <=>  x0 & !x1
  Signal g = c.create_threshold({x[0], x[1]}, {1, -1}, 1);
  CHECK(g == c.create_and(x[0], !x[1]));
  const Node& n = c.node(g.node());
  for (int64_t w : n.weights) CHECK(w >= 1);
}

TEST_CASE("gate weights are summed without wrapping and bounded", "[circuit]") {
  Circuit c;
  Bits x = c.add_input_word("x", 3, Decoding::unsigned_int());
  const int64_t big = int64_t{1} << 62;
  // Three weights of 2^62 would wrap in 64 bits; clipping and the gcd give a 2-of-3 majority.
  CHECK(c.create_threshold(x, {big, big, big}, big + 1) == c.create_threshold(x, {1, 1, 1}, 2));
  // Coprime weights that no gcd can shrink: the total 2^61 + 2^60 + 1 is past the bound.
  CHECK_THROWS_AS(
      c.create_threshold(x, {int64_t{1} << 61, int64_t{1} << 60, 1}, (int64_t{1} << 61) + 1),
      std::overflow_error);
  // Large weights whose total stays below the bound are kept.
  const Signal ok =
      c.create_threshold(x, {(int64_t{1} << 59) - 1, (int64_t{1} << 58), 1}, int64_t{1} << 58);
  const Node& n = c.node(ok.node());
  int64_t total = 0;
  for (int64_t w : n.weights) total += w;
  CHECK(total < kMaxGateWeightSum);
}

TEST_CASE("normalized gates compute the gate they were asked for", "[circuit]") {
  // Random gates with mixed signs, repeats and constants, checked by simulation on all inputs.
  std::mt19937 rng(7);
  for (int trial = 0; trial < 300; ++trial) {
    Circuit c;
    Bits x = c.add_input_word("x", 5, Decoding::unsigned_int());
    std::vector<Signal> fanins;
    std::vector<int64_t> weights;
    const int k = 1 + static_cast<int>(rng() % 7);
    for (int i = 0; i < k; ++i) {
      uint32_t pick = rng() % 7;
      Signal s = pick < 5 ? x[pick] : (pick == 5 ? kTrue : kFalse);
      fanins.push_back(s ^ static_cast<bool>(rng() & 1));
      weights.push_back(static_cast<int64_t>(rng() % 9) - 4);
    }
    const int64_t t = static_cast<int64_t>(rng() % 11) - 5;
    c.add_output_word("y", {c.create_threshold(fanins, weights, t)}, Decoding::boolean());
    for (uint32_t v = 0; v < 32; ++v) {
      Assignment in(5);
      for (int i = 0; i < 5; ++i) in[i] = (v >> i) & 1;
      int64_t sum = 0;
      for (int i = 0; i < k; ++i) {
        bool value = fanins[i].node() == 0 ? fanins[i].complemented()
                                           : (in[fanins[i].node() - 1] != fanins[i].complemented());
        sum += value ? weights[i] : 0;
      }
      REQUIRE(simulate_outputs(c, in)[0][0] == (sum >= t));
    }
  }
}

TEST_CASE("xor gates fold and hash", "[circuit]") {
  Circuit c;
  Bits x = c.add_input_word("x", 2, Decoding::unsigned_int());
  Signal a = c.create_xor(x[0], x[1]);
  CHECK(c.create_xor(x[1], x[0]) == a);
  CHECK(c.create_xor(!x[0], x[1]) == !a);
  CHECK(c.create_xor(x[0], x[0]) == kFalse);
  CHECK(c.create_xor(x[0], kTrue) == !x[0]);
  c.add_output_word("y", {a}, Decoding::boolean());
  CHECK_FALSE(c.is_threshold_only());
}

TEST_CASE("import copies a circuit onto new inputs", "[circuit]") {
  Circuit a("a");
  Bits x = a.add_input_word("x", 2, Decoding::unsigned_int());
  Signal g = a.create_and(x[0], !x[1]);
  Circuit b("b");
  Bits y = b.add_input_word("y", 2, Decoding::unsigned_int());
  auto map = b.import(a, {y[1], y[0]});
  Signal copied = map[g.node()] ^ g.complemented();
  CHECK(copied == b.create_and(y[1], !y[0]));
}

TEST_CASE("a gate equivalent to an AND takes the AND's form and merges with it", "[circuit]") {
  Circuit c;
  Bits x = c.add_input_word("x", 3, Decoding::unsigned_int());
  const Signal a = c.create_and(x[0], x[1]);
  const size_t nodes = c.num_nodes();
  CHECK(c.create_threshold({x[0], x[1]}, {2, 1}, 3) == a);
  CHECK(c.create_threshold({x[0], x[1]}, {3, 2}, 4) == a);
  // Its complement, [2 !a + !b >= 1] after normalization, is the OR of the negations.
  CHECK(c.create_threshold({!x[0], !x[1]}, {2, 1}, 1) == !a);
  CHECK(c.num_nodes() == nodes);
  const Signal and3 = c.create_threshold({x[0], x[1], x[2]}, {5, 4, 3}, 10);
  CHECK(and3 == c.create_and({x[0], x[1], x[2]}));
  CHECK(c.node(and3.node()).is_and());
  CHECK_FALSE(c.node(and3.node()).is_or());
  // Not an AND: 3 + 1 reaches 4 without the 2.
  const Node& near = c.node(c.create_threshold({x[0], x[1], x[2]}, {3, 2, 1}, 4).node());
  CHECK_FALSE(near.is_and());
  CHECK_FALSE(near.is_or());
  CHECK(c.node(c.create_or({x[0], x[2]}).node()).is_or());
  CHECK_NOTHROW(c.verify());
}

TEST_CASE("canonical AND and OR forms compute the gate asked for, on every input", "[circuit]") {
  // Random positive and negative weights over up to 5 inputs, biased towards AND- and OR-shaped
  // gates (a threshold near the weight sum or near 1): each gate is simulated on all 32 inputs
  // against its own weighted sum, and the circuit must keep its invariants.
  std::mt19937 rng(17);
  int ands = 0, ors = 0;
  for (int trial = 0; trial < 2000; ++trial) {
    Circuit c;
    Bits x = c.add_input_word("x", 5, Decoding::unsigned_int());
    const int k = 2 + static_cast<int>(rng() % 4);
    std::vector<Signal> fanins;
    std::vector<int64_t> weights;
    int64_t positive = 0;
    for (int i = 0; i < k; ++i) {
      fanins.push_back(x[rng() % 5] ^ static_cast<bool>(rng() & 1));
      weights.push_back(static_cast<int64_t>(rng() % 13) - 3);
      positive += std::max<int64_t>(weights.back(), 0);
    }
    const int64_t t = rng() % 2 ? positive - static_cast<int64_t>(rng() % 4)
                                : 1 - static_cast<int64_t>(rng() % 3);
    const Signal y = c.create_threshold(fanins, weights, t);
    c.add_output_word("y", {y}, Decoding::boolean());
    REQUIRE_NOTHROW(c.verify());
    const Node& node = c.node(y.node());
    ands += node.is_and();
    ors += node.is_or();
    for (uint32_t v = 0; v < 32; ++v) {
      Assignment in(5);
      for (int i = 0; i < 5; ++i) in[i] = (v >> i) & 1;
      int64_t sum = 0;
      for (int i = 0; i < k; ++i)
        sum += in[fanins[i].node() - 1] != fanins[i].complemented() ? weights[i] : 0;
      REQUIRE(simulate_outputs(c, in)[0][0] == (sum >= t));
    }
  }
  CHECK(ands > 100);  // the sweep reached both shapes
  CHECK(ors > 100);
}

TEST_CASE("verify accepts circuits built through the IR, imports included", "[circuit]") {
  Circuit c("adder");
  Bits a = c.add_input_word("a", 3, Decoding::unsigned_int());
  Bits b = c.add_input_word("b", 3, Decoding::unsigned_int());
  const Signal carry = c.create_majority({a[0], b[0], a[1]});
  const Signal s = c.create_xor(a[2], b[2]);
  c.add_output_word("z", {carry, s, c.create_mux(a[0], b[1], !b[2])}, Decoding::unsigned_int());
  c.add_constraint(c.create_or(a[0], b[0]));
  c.add_cut("block", {a[0], b[0]}, {carry});
  REQUIRE_NOTHROW(c.verify());
  Circuit d("copy");
  Bits in = d.add_input_word("in", 6, Decoding::unsigned_int());
  const std::vector<Signal> map = d.import(c, in);
  d.add_output_word("z", {map[carry.node()] ^ carry.complemented()}, Decoding::boolean());
  CHECK_NOTHROW(d.verify());
}
