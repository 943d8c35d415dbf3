// Cut input ties: what the two sides of a block feed as constants or as one signal twice is
// carried into both extracted blocks, so that block proofs need not cover inputs no context makes.
#include <catch2/catch.hpp>

#include "lib/sat/cut_points.hpp"
#include "lib/simulate.hpp"

using namespace tc;

namespace {

Circuit::Cut cut_over(Bits inputs) {
  Circuit::Cut cut;
  cut.name = "block";
  cut.inputs = std::move(inputs);
  return cut;
}

bool is_copy(const CutInputTie& t, size_t source, bool complemented) {
  return t.kind == CutInputTie::Kind::Copy && t.source == source && t.value == complemented;
}

}  // namespace

TEST_CASE("ties come from either side: constants and repeated signals", "[cuts]") {
  Circuit a("a"), b("b");
  const Bits x = a.add_input_word("x", 3, Decoding::unsigned_int());
  const Bits y = b.add_input_word("y", 4, Decoding::unsigned_int());
  // a feeds x0 twice, the constant 1, then !x1 and x2; b feeds y2 twice at positions 3 and 4.
  const auto ties = cut_input_ties(cut_over({x[0], x[0], kTrue, !x[1], x[2]}),
                                   cut_over({y[0], y[1], y[3], y[2], y[2]}));
  REQUIRE(ties.size() == 5);
  CHECK(ties[0].kind == CutInputTie::Kind::Free);
  CHECK(is_copy(ties[1], 0, false));
  CHECK((ties[2].kind == CutInputTie::Kind::Constant && ties[2].value));
  CHECK(ties[3].kind == CutInputTie::Kind::Free);
  CHECK(is_copy(ties[4], 3, false));
}

TEST_CASE("ties follow complements and chains to the earliest position", "[cuts]") {
  Circuit a("a"), b("b");
  const Bits x = a.add_input_word("x", 2, Decoding::unsigned_int());
  const Bits y = b.add_input_word("y", 2, Decoding::unsigned_int());
  // a: position 1 = !position 0; b: position 2 = position 1, and position 3 is constant 0 in a
  // while b feeds it !y1: so position 1 is constant 1 and position 0 constant 0.
  const auto ties =
      cut_input_ties(cut_over({x[0], !x[0], x[1], kFalse}), cut_over({y[0], y[1], y[1], !y[1]}));
  REQUIRE(ties.size() == 4);
  for (size_t i : {0, 1, 2}) CHECK(ties[i].kind == CutInputTie::Kind::Constant);
  CHECK_FALSE(ties[0].value);
  CHECK(ties[1].value);
  CHECK(ties[2].value);
  CHECK((ties[3].kind == CutInputTie::Kind::Constant && !ties[3].value));
}

TEST_CASE("contradictory ties are dropped, not trusted", "[cuts]") {
  Circuit a("a"), b("b");
  const Bits x = a.add_input_word("x", 1, Decoding::unsigned_int());
  const Bits y = b.add_input_word("y", 1, Decoding::unsigned_int());
  // a says position 1 = position 0, b says position 1 = !position 0: no context makes both.
  const auto ties = cut_input_ties(cut_over({x[0], x[0]}), cut_over({y[0], !y[0]}));
  REQUIRE(ties.size() == 2);
  CHECK(is_copy(ties[1], 0, false));  // the first fact stands; the glue check refutes the other
}

TEST_CASE("an extracted block reads a tied input from its source", "[cuts]") {
  // The host feeds two different signals u, v into a block computing u AND NOT v; tied as
  // copies, the block sees v = u and its output is constant 0.
  Circuit host("host");
  const Bits in = host.add_input_word("in", 2, Decoding::unsigned_int());
  const Signal u = host.create_xor(in[0], in[1]),
               v = host.create_threshold({in[0], in[1]}, {1, 1}, 1);
  const Signal out = host.create_threshold({u, !v}, {1, 1}, 2);
  host.add_output_word("out", {out}, Decoding::unsigned_int());
  host.add_cut("block", {u, v}, {out});
  const Circuit::Cut& cut = host.cuts().front();

  std::vector<CutInputTie> ties(2);
  ties[1] = {CutInputTie::Kind::Copy, false, 0};
  const auto tied = extract_cut_block(host, cut, ties);
  const auto free = extract_cut_block(host, cut);
  REQUIRE(tied);
  REQUIRE(free);
  for (bool b0 : {false, true})
    for (bool b1 : {false, true}) {
      const Assignment assignment{b0, b1};
      CHECK(simulate_outputs(*tied, assignment)[0][0] == false);
      CHECK(simulate_outputs(*free, assignment)[0][0] == (b0 && !b1));
    }
}
