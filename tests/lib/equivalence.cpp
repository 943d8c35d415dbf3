// Tests of the SAT miter, engine choice and counterexample replay.
#include "lib/equivalence.hpp"

#include <catch2/catch.hpp>

#include "lib/compose.hpp"

using namespace tc;

namespace {

// a + b (4 bits) as a ripple adder; `broken_carry` drops the carry into bit `broken_carry`.
Circuit ripple(int width, int broken_carry = -1) {
  Circuit c(broken_carry < 0 ? "ripple" : "broken");
  Bits a = c.add_input_word("a", width, Decoding::unsigned_int());
  Bits b = c.add_input_word("b", width, Decoding::unsigned_int());
  Bits s;
  Signal carry = kFalse;
  for (int i = 0; i < width; ++i) {
    if (i == broken_carry) carry = kFalse;
    s.push_back(c.create_xor(c.create_xor(a[i], b[i]), carry));
    carry = c.create_majority({a[i], b[i], carry});
  }
  s.push_back(carry);
  c.add_output_word("sum", s, Decoding::unsigned_int());
  return c;
}

// Each sum bit as one threshold function of the low bits, a structurally different adder.
Circuit weighted(int width) {
  Circuit c("weighted");
  Bits a = c.add_input_word("a", width, Decoding::unsigned_int());
  Bits b = c.add_input_word("b", width, Decoding::unsigned_int());
  Bits s;
  for (int k = 0; k <= width; ++k) {
    std::vector<Signal> xs;
    std::vector<int64_t> ws;
    for (int i = 0; i < std::min(k + 1, width); ++i) {
      xs.push_back(a[i]);
      xs.push_back(b[i]);
      ws.push_back(int64_t{1} << i);
      ws.push_back(int64_t{1} << i);
    }
    // bit k of S is 1 iff S in [2^k, 2^(k+1)) or S >= 3 * 2^k.
    Signal ge1 = c.create_threshold(xs, ws, int64_t{1} << k);
    Signal ge2 = c.create_threshold(xs, ws, int64_t{2} << k);
    Signal ge3 = c.create_threshold(xs, ws, int64_t{3} << k);
    s.push_back(c.create_threshold({ge1, ge2, ge3}, {1, -1, 1}, 1));
  }
  c.add_output_word("sum", s, Decoding::unsigned_int());
  return c;
}

}  // namespace

TEST_CASE("the SAT miter proves two different adders equal", "[miter]") {
  EquivalenceParams p;
  p.engine = Engine::Sat;
  EquivalenceResult r = check_equivalence(weighted(6), ripple(6), p);
  CHECK(r.verdict == Verdict::Proved);
  CHECK(r.engine == Engine::Sat);
  // One obligation per output bit that the two sides do not build identically.
  CHECK(r.sat.obligations.size() >= 2);
  CHECK(r.sat.obligations.size() <= 7);
  for (const auto& ob : r.sat.obligations) CHECK(ob.result == SatAnswer::Unsat);
}

TEST_CASE("the SAT miter finds a replayed counterexample for a dropped carry", "[miter]") {
  EquivalenceParams p;
  p.engine = Engine::Sat;
  EquivalenceResult r = check_equivalence(ripple(6, 3), weighted(6), p);
  REQUIRE(r.verdict == Verdict::Counterexample);
  REQUIRE(r.counterexample);
  CHECK(r.counterexample->differing_words == std::vector<std::string>{"sum"});
  CHECK(r.counterexample->construction_outputs != r.counterexample->spec_outputs);
}

TEST_CASE("simulation and SAT agree on every single dropped carry", "[miter]") {
  for (int k = 1; k < 5; ++k) {
    EquivalenceParams sat, sim;
    sat.engine = Engine::Sat;
    sim.engine = Engine::Sim;
    CHECK(check_equivalence(ripple(5, k), weighted(5), sat).verdict == Verdict::Counterexample);
    CHECK(check_equivalence(ripple(5, k), weighted(5), sim).verdict == Verdict::Counterexample);
  }
}

TEST_CASE("auto picks simulation for small input spaces and SAT above", "[miter]") {
  EquivalenceParams p;
  p.max_sim_input_bits = 10;
  CHECK(check_equivalence(weighted(5), ripple(5), p).engine == Engine::Sim);
  CHECK(check_equivalence(weighted(6), ripple(6), p).engine == Engine::Sat);
}

// x (4 bits) feeds one block, a majority over `derived` signals computed from x (up to 12: the
// XOR and the AND of each pair of x's bits), declared as the block "maj" (lib/compose.hpp).
Circuit with_majority_block(int derived) {
  Circuit sub("maj");
  const Bits w = sub.add_input_word("w", derived, Decoding::unsigned_int());
  sub.add_output_word("z", {sub.create_majority(w)}, Decoding::unsigned_int());
  Circuit c("host");
  const Bits x = c.add_input_word("x", 4, Decoding::unsigned_int());
  Bits feed;
  for (int i = 0; i < 4; ++i)
    for (int j = i + 1; j < 4; ++j) {
      feed.push_back(c.create_xor(x[i], x[j]));
      feed.push_back(c.create_and(x[i], x[j]));
    }
  feed.resize(static_cast<size_t>(derived));
  const Bits z = compose_embed(c, sub, {feed}, {.block_cut = "maj"}).output("z");
  c.add_output_word("z", z, Decoding::unsigned_int());
  return c;
}

TEST_CASE("auto proves a composition block by block unless a block costs more to enumerate",
          "[miter][blocks]") {
  EquivalenceParams p;
  p.max_sim_wire_evaluations = 1;  // every composition counts as too large to enumerate whole
  // A block of 2 inputs: 2^2 evaluations of it are cheaper than 2^4 of the whole, so SAT by blocks.
  const EquivalenceResult narrow =
      check_equivalence(with_majority_block(2), with_majority_block(2), p);
  CHECK(narrow.engine == Engine::Sat);
  CHECK(narrow.verdict == Verdict::Proved);
  CHECK(narrow.sat.blocks.size() == 1);
  // A block of 12 derived inputs over 4 primary ones: enumerating the whole circuit (2^4) is
  // cheaper than enumerating the block (2^12), so auto simulates the whole.
  const EquivalenceResult wide =
      check_equivalence(with_majority_block(12), with_majority_block(12), p);
  CHECK(wide.engine == Engine::Sim);
  CHECK(wide.verdict == Verdict::Proved);
}

TEST_CASE("input constraints are honoured by the SAT miter", "[miter]") {
  // The broken adder is wrong only when a carry reaches bit 3; forbid a2 and b2 and bits below
  // bit 3 can no longer carry into it... except through a1+b1+carry. Forbid all low bits instead.
  auto constrain = [](Circuit c) {
    const Word& a = c.input_word("a");
    const Word& b = c.input_word("b");
    std::vector<Signal> low;
    for (int i = 0; i < 3; ++i) {
      low.push_back(a.bits[i]);
      low.push_back(b.bits[i]);
    }
    c.add_constraint(!c.create_or(low));
    return c;
  };
  EquivalenceParams p;
  p.engine = Engine::Sat;
  CHECK(check_equivalence(constrain(ripple(6, 3)), constrain(weighted(6)), p).verdict ==
        Verdict::Proved);
}

TEST_CASE("a conflict budget of zero gives unknown, never proved", "[miter]") {
  EquivalenceParams p;
  p.engine = Engine::Sat;
  p.miter.conflict_limit = 0;
  EquivalenceResult r = check_equivalence(weighted(8), ripple(8), p);
  CHECK(r.verdict != Verdict::Proved);
}

TEST_CASE("auto enumerates where SAT stops at its budget, within the fallback's bound", "[miter]") {
  EquivalenceParams p;
  p.max_sim_input_bits = 10;
  p.max_fallback_sim_input_bits = 16;
  p.fallback_conflict_limit = 0;  // SAT stops at once (see the test above)
  const EquivalenceResult r = check_equivalence(weighted(8), ripple(8), p);  // 16 input bits
  CHECK(r.verdict == Verdict::Proved);
  CHECK(r.engine == Engine::Sim);
  CHECK(r.simulated_points == (1u << 16));
  CHECK(r.sat_first.find("no verdict within 0 conflicts") != std::string::npos);
  const EquivalenceResult broken = check_equivalence(weighted(8), ripple(8, 3), p);
  CHECK(broken.verdict == Verdict::Counterexample);
  CHECK(broken.counterexample.has_value());  // replayed, by whichever engine found it
  // Past the fallback's bound SAT runs without the budget, as before; under a conflict limit of
  // the caller's, no verdict stays none.
  p.max_fallback_sim_input_bits = 15;
  const EquivalenceResult past = check_equivalence(weighted(8), ripple(8), p);
  CHECK(past.verdict == Verdict::Proved);
  CHECK(past.engine == Engine::Sat);
  CHECK(past.sat_first.empty());
  // Nor where enumerating would cost more wire evaluations than the fallback's bound.
  p.max_fallback_sim_input_bits = 16;
  p.max_fallback_wire_evaluations = 1000;
  const EquivalenceResult costly = check_equivalence(weighted(8), ripple(8), p);
  CHECK(costly.engine == Engine::Sat);
  CHECK(costly.sat_first.empty());
  p.max_fallback_wire_evaluations = EquivalenceParams{}.max_fallback_wire_evaluations;
  p.miter.conflict_limit = 0;
  const EquivalenceResult limited = check_equivalence(weighted(8), ripple(8), p);
  CHECK(limited.verdict == Verdict::Unknown);
  CHECK(limited.sat_first.empty());
}

TEST_CASE("a counterexample that does not replay is an internal error", "[miter]") {
  Assignment agreeing(12, false);  // 0 + 0: both adders say 0
  CHECK_THROWS_AS(replay_counterexample(ripple(6, 3), weighted(6), agreeing), ReplayError);
}

namespace {

// y = block(x) where the block is x0 & x1 (`and_block`) or just x0; declared as a cut that
// claims agreement only where x1 holds.
Circuit cut_user(bool and_block) {
  Circuit c(and_block ? "and-block" : "x0-block");
  Bits x = c.add_input_word("x", 3, Decoding::unsigned_int());
  Signal out = and_block ? c.create_and(x[0], x[1]) : c.create_or(x[0], c.create_and(x[0], x[2]));
  c.add_cut("block", {x[0], x[1], x[2]}, {out}, x[1]);
  c.add_output_word("y", {c.create_and(out, !c.create_and(x[0], !x[0]))}, Decoding::boolean());
  return c;
}

}  // namespace

TEST_CASE("a cut shared under an assumption cannot hide a difference outside it", "[miter][cuts]") {
  EquivalenceParams p;
  p.engine = Engine::Sat;
  EquivalenceResult r = check_equivalence(cut_user(true), cut_user(false), p);
  REQUIRE(r.sat.shared_cuts.size() == 1);  // the blocks do agree where x1 holds
  REQUIRE(r.verdict == Verdict::Counterexample);
  // x0 = 1, x1 = 0: outside the assumption, where the two blocks differ.
  CHECK(r.counterexample->input[0]);
  CHECK_FALSE(r.counterexample->input[1]);
}

TEST_CASE("blocks that differ under the assumption are not shared", "[miter][cuts]") {
  Circuit a("a"), b("b");
  for (Circuit* c : {&a, &b}) {
    Bits x = c->add_input_word("x", 2, Decoding::unsigned_int());
    Signal out = c == &a ? c->create_and(x[0], x[1]) : c->create_or(x[0], x[1]);
    c->add_cut("block", {x[0], x[1]}, {out});
    c->add_output_word("y", {out}, Decoding::boolean());
  }
  EquivalenceParams p;
  p.engine = Engine::Sat;
  EquivalenceResult r = check_equivalence(a, b, p);
  CHECK(r.sat.shared_cuts.empty());
  CHECK(r.sat.unshared_cuts.size() == 1);
  CHECK(r.verdict == Verdict::Counterexample);
}
