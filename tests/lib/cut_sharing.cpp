// Tests of how the SAT miter shares a proved cut (lib/sat/cut_points.hpp, lib/sat/miter.cpp):
// an assumption that every valid input satisfies makes the sharing unconditional, only then may
// the spec's block serve both sides (when its CNF is the smaller), and no form of sharing hides a
// difference the original circuits have.
#include <catch2/catch.hpp>
#include <filesystem>

#include "lib/equivalence.hpp"
#include "lib/sat/cut_points.hpp"

using namespace tc;

namespace {

// Which a + b block a test circuit uses, and how it goes wrong.
struct Variant {
  bool weighted_block = false;  // threshold gates with weights 2^i (larger CNF) vs ripple
  bool wrong_outside =
      false;  // the block's bit 0 is cleared where a3 = 1 (outside the cut's assumption)
  bool constrained = false;     // input constraint !a3, which implies the assumption
  bool downstream_bug = false;  // the output's top bit is flipped when b0 = b1 = 1
};

// a + b for 4-bit a, b as a 5-bit block: ripple-carry (XOR and majority) or one telescoping
// threshold function per bit, a structurally different adder.
Bits adder_block(Circuit& c, const Bits& a, const Bits& b, bool weighted) {
  Bits s;
  if (!weighted) {
    Signal carry = kFalse;
    for (size_t i = 0; i < a.size(); ++i) {
      s.push_back(c.create_xor(c.create_xor(a[i], b[i]), carry));
      carry = c.create_majority({a[i], b[i], carry});
    }
    s.push_back(carry);
    return s;
  }
  for (size_t k = 0; k <= a.size(); ++k) {
    std::vector<Signal> xs;
    std::vector<int64_t> ws;
    for (size_t i = 0; i < std::min(k + 1, a.size()); ++i) {
      xs.insert(xs.end(), {a[i], b[i]});
      ws.insert(ws.end(), {int64_t{1} << i, int64_t{1} << i});
    }
    // Bit k of the sum is 1 iff the low sum lies in [2^k, 2^(k+1)) or is at least 3 * 2^k.
    const Signal ge1 = c.create_threshold(xs, ws, int64_t{1} << k);
    const Signal ge2 = c.create_threshold(xs, ws, int64_t{2} << k);
    const Signal ge3 = c.create_threshold(xs, ws, int64_t{3} << k);
    s.push_back(c.create_threshold({ge1, ge2, ge3}, {1, -1, 1}, 1));
  }
  return s;
}

// y = the block's outputs; the block is declared as cut "sum" with the assumption !a3.
Circuit cut_user(const std::string& name, const Variant& v) {
  Circuit c(name);
  const Bits a = c.add_input_word("a", 4, Decoding::unsigned_int());
  const Bits b = c.add_input_word("b", 4, Decoding::unsigned_int());
  Bits s = adder_block(c, a, b, v.weighted_block);
  if (v.wrong_outside) s[0] = c.create_and(s[0], !a[3]);
  Bits cut_inputs = a;
  cut_inputs.insert(cut_inputs.end(), b.begin(), b.end());
  c.add_cut("sum", cut_inputs, s, !a[3]);
  if (v.constrained) c.add_constraint(!a[3]);
  Bits y = s;
  if (v.downstream_bug) y[4] = c.create_xor(y[4], c.create_and(b[0], b[1]));
  c.add_output_word("y", y, Decoding::unsigned_int());
  return c;
}

EquivalenceResult prove_with_sat(const Circuit& construction, const Circuit& spec) {
  EquivalenceParams p;
  p.engine = Engine::Sat;
  return check_equivalence(construction, spec, p);
}

}  // namespace

TEST_CASE(
    "a cut whose assumption every valid input satisfies is shared without a mux, by the "
    "smaller block",
    "[miter][cuts]") {
  // The blocks differ where a3 = 1, which the input constraint rules out.
  const Circuit construction =
      cut_user("weighted", {.weighted_block = true, .wrong_outside = true, .constrained = true});
  const Circuit spec = cut_user("ripple", {.constrained = true});
  const auto bc = extract_cut_block(construction, *find_cut(construction, "sum"));
  const auto bs = extract_cut_block(spec, *find_cut(spec, "sum"));
  REQUIRE(bc);
  REQUIRE(bs);
  REQUIRE(cut_block_cnf_clauses(*bs) < cut_block_cnf_clauses(*bc));  // the premise of this test

  const EquivalenceResult r = prove_with_sat(construction, spec);
  CHECK(r.verdict == Verdict::Proved);
  REQUIRE(r.sat.shared_cuts.size() == 1);
  CHECK(r.sat.shared_cuts[0].unconditional);
  CHECK(r.sat.shared_cuts[0].spec_block_kept);
  // With the spec's block on both sides and the same downstream, nothing is left to prove.
  CHECK(r.sat.obligations.empty());
}

TEST_CASE("the construction's block serves both sides when its CNF is the smaller",
          "[miter][cuts]") {
  const Circuit construction = cut_user("ripple", {.constrained = true});
  const Circuit spec = cut_user("weighted", {.weighted_block = true, .constrained = true});
  const EquivalenceResult r = prove_with_sat(construction, spec);
  CHECK(r.verdict == Verdict::Proved);
  REQUIRE(r.sat.shared_cuts.size() == 1);
  CHECK(r.sat.shared_cuts[0].unconditional);
  CHECK_FALSE(r.sat.shared_cuts[0].spec_block_kept);
}

TEST_CASE("an assumption the input constraints do not imply keeps the sharing conditional",
          "[miter][cuts]") {
  // No constraint: a3 = 1 is a valid input, where the construction's block (and so its output)
  // is wrong. The assumption proof fails, so the spec keeps its own block there.
  const EquivalenceResult r =
      prove_with_sat(cut_user("weighted", {.weighted_block = true, .wrong_outside = true}),
                     cut_user("ripple", {}));
  REQUIRE(r.sat.shared_cuts.size() == 1);
  CHECK_FALSE(r.sat.shared_cuts[0].unconditional);
  CHECK_FALSE(r.sat.shared_cuts[0].spec_block_kept);
  REQUIRE(r.verdict == Verdict::Counterexample);
  CHECK(r.counterexample->input[3]);  // a3 = 1: outside the assumption
}

TEST_CASE("a difference after the cut is found when the spec's block serves both sides",
          "[miter][cuts]") {
  const EquivalenceResult r = prove_with_sat(
      cut_user("weighted", {.weighted_block = true, .constrained = true, .downstream_bug = true}),
      cut_user("ripple", {.constrained = true}));
  REQUIRE(r.sat.shared_cuts.size() == 1);
  CHECK(r.sat.shared_cuts[0].spec_block_kept);
  REQUIRE(r.verdict == Verdict::Counterexample);
  CHECK(r.counterexample->differing_words == std::vector<std::string>{"y"});
  CHECK(r.counterexample->input[4]);  // b0
  CHECK(r.counterexample->input[5]);  // b1
}

TEST_CASE("the proof that every valid input satisfies a cut's assumption is written and certified",
          "[miter][cuts][proof]") {
  const auto dir = std::filesystem::temp_directory_path() / "tc_proofs_cut_sharing";
  std::filesystem::remove_all(dir);
  EquivalenceParams p;
  p.engine = Engine::Sat;
  p.miter.proof_dir = dir.string();
  p.miter.check_proofs = true;
  const EquivalenceResult r = check_equivalence(
      cut_user("weighted", {.weighted_block = true, .wrong_outside = true, .constrained = true}),
      cut_user("ripple", {.constrained = true}), p);
  CHECK(r.verdict == Verdict::Proved);
  REQUIRE(r.sat.shared_cuts.size() == 1);
  CHECK(r.sat.shared_cuts[0].unconditional);
  CHECK(std::filesystem::exists(dir / "cut-sum" / "out_0_.drat"));  // the block proof, bit 0
  CHECK(std::filesystem::exists(dir / "cut-sum-assumption" / "holds.cnf"));
  CHECK(std::filesystem::exists(dir / "cut-sum-assumption" / "holds.drat"));
}

namespace {

// Two a + b blocks over different inputs, cuts "first" and "second"; `second_weighted` picks the
// second block's adder, `second_bug` flips its bit 0 where a0 = b0 = 1 (inside the block).
Circuit two_cut_user(const std::string& name, bool weighted, bool second_weighted,
                     bool second_bug) {
  Circuit c(name);
  std::vector<Bits> in;
  for (const char* w : {"a", "b", "c", "d"})
    in.push_back(c.add_input_word(w, 4, Decoding::unsigned_int()));
  for (int k = 0; k < 2; ++k) {
    const Bits& a = in[2 * k];
    const Bits& b = in[2 * k + 1];
    Bits s = adder_block(c, a, b, k == 0 ? weighted : second_weighted);
    if (k == 1 && second_bug) s[0] = c.create_xor(s[0], c.create_and(a[0], b[0]));
    Bits cut_inputs = a;
    cut_inputs.insert(cut_inputs.end(), b.begin(), b.end());
    c.add_cut(k == 0 ? "first" : "second", cut_inputs, s);
    c.add_output_word(k == 0 ? "y" : "z", s, Decoding::unsigned_int());
  }
  return c;
}

}  // namespace

TEST_CASE("a pair of blocks equal in structure to a pair already proved is not proved again",
          "[miter][cuts]") {
  const Circuit spec = two_cut_user("ripple", false, false, false);
  const EquivalenceResult same = prove_with_sat(two_cut_user("weighted", true, true, false), spec);
  CHECK(same.verdict == Verdict::Proved);
  REQUIRE(same.sat.shared_cuts.size() == 2);
  CHECK_THAT(same.sat.shared_cuts[1].proof,
             Catch::StartsWith("structural identity with the pair of first"));

  // A second pair that differs in structure (here: a ripple adder on both sides) gets its own
  // proof; one that differs in function (a bug) is not taken for proved.
  const EquivalenceResult other = prove_with_sat(two_cut_user("mixed", true, false, false), spec);
  CHECK(other.verdict == Verdict::Proved);
  REQUIRE(other.sat.shared_cuts.size() == 2);
  CHECK_THAT(other.sat.shared_cuts[1].proof, !Catch::Contains("structural identity"));
  const EquivalenceResult bug = prove_with_sat(two_cut_user("buggy", true, true, true), spec);
  CHECK(bug.verdict == Verdict::Counterexample);
}
