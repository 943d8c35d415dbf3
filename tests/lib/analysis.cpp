// Tests of depth and size measurement.
#include "lib/analysis.hpp"

#include <catch2/catch.hpp>

#include "lib/circuit.hpp"

using namespace tc;

TEST_CASE("depth counts threshold layers and negation is free", "[analysis]") {
  Circuit c;
  Bits x = c.add_input_word("x", 4, Decoding::unsigned_int());
  Signal a = c.create_and(x[0], x[1]);                             // depth 1
  Signal b = c.create_threshold({!a, x[2], x[3]}, {3, -2, 1}, 1);  // depth 2
  Signal d = c.create_or(!b, x[0]);                                // depth 3
  Signal unused = c.create_and(d, x[3]);                           // not an output: not counted
  (void)unused;
  c.add_output_word("y", {d, a}, Decoding::unsigned_int());
  CircuitStats s = analyze(c);
  CHECK(s.depth == 3);
  CHECK(s.gates == 3);
  CHECK(s.and_gates == 1);
  CHECK(s.or_gates == 1);
  CHECK(s.weighted_gates == 1);
  CHECK(s.wires == 2 + 3 + 2);
  CHECK(s.max_fanin == 3);
  CHECK(s.max_weight == 3);
  CHECK(s.output_depth == std::vector<int>{3});
}

TEST_CASE("a circuit of inputs only has depth zero", "[analysis]") {
  Circuit c;
  Bits x = c.add_input_word("x", 2, Decoding::unsigned_int());
  c.add_output_word("y", {!x[1], x[0], kTrue}, Decoding::unsigned_int());
  CircuitStats s = analyze(c);
  CHECK(s.depth == 0);
  CHECK(s.gates == 0);
}
