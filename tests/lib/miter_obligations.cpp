// Tests of the miter's obligations: solved side by side (MiterParams::jobs), the verdict, the
// obligations and the counterexample are those of the one-thread run; a float word is one
// obligation, an integer word one per bit; a case split proves every bit in every case.
#include "lib/sat/miter_obligations.hpp"

#include <catch2/catch.hpp>
#include <filesystem>

#include "lib/sat/miter.hpp"
#include "lib/simulate.hpp"

using namespace tc;

namespace {

std::string numbered(const char* prefix, int i) {
  std::string name = prefix;
  name += std::to_string(i);
  return name;
}

// `words` independent sums a_i + b_i of `width` bits: ripple adders, or (threshold) each sum bit
// as one comparison of the weighted operands. `broken_word` (ripple only) drops the carry into
// bit 2 of that word. The sums are declared with `decoding` (width + 1 bits).
Circuit sums(int words, int width, bool threshold, int broken_word = -1,
             Decoding decoding = Decoding::unsigned_int()) {
  Circuit c(threshold ? "weighted-sums" : "ripple-sums");
  std::vector<Bits> a, b;
  for (int w = 0; w < words; ++w) {
    a.push_back(c.add_input_word(numbered("a", w), width, Decoding::unsigned_int()));
    b.push_back(c.add_input_word(numbered("b", w), width, Decoding::unsigned_int()));
  }
  for (int w = 0; w < words; ++w) {
    Bits s;
    if (threshold) {
      for (int k = 0; k <= width; ++k) {
        std::vector<Signal> xs;
        std::vector<int64_t> ws;
        for (int i = 0; i < std::min(k + 1, width); ++i) {
          xs.insert(xs.end(), {a[w][i], b[w][i]});
          ws.insert(ws.end(), {int64_t{1} << i, int64_t{1} << i});
        }
        // bit k of S is 1 iff S in [2^k, 2^(k+1)) or S >= 3 * 2^k.
        const Signal ge1 = c.create_threshold(xs, ws, int64_t{1} << k);
        const Signal ge2 = c.create_threshold(xs, ws, int64_t{2} << k);
        const Signal ge3 = c.create_threshold(xs, ws, int64_t{3} << k);
        s.push_back(c.create_threshold({ge1, ge2, ge3}, {1, -1, 1}, 1));
      }
    } else {
      Signal carry = kFalse;
      for (int i = 0; i < width; ++i) {
        if (w == broken_word && i == 2) carry = kFalse;
        s.push_back(c.create_xor(c.create_xor(a[w][i], b[w][i]), carry));
        carry = c.create_majority({a[w][i], b[w][i], carry});
      }
      s.push_back(carry);
    }
    c.add_output_word(numbered("sum", w), s, decoding);
  }
  return c;
}

struct Run {
  std::optional<bool> verdict;
  MiterStats stats;
};

Run solve(const Circuit& construction, const Circuit& spec, int jobs,
          const std::string& proof_dir = "") {
  MiterParams params;
  params.jobs = jobs;
  params.proof_dir = proof_dir;
  params.check_proofs = !proof_dir.empty();
  Run r;
  r.verdict = check_equivalence_sat(construction, spec, params, &r.stats);
  return r;
}

// The obligations as "bit: answer" lines, in the order the run reports them.
std::vector<std::string> answers(const MiterStats& st) {
  std::vector<std::string> lines;
  for (const ObligationStats& ob : st.obligations)
    lines.push_back(ob.output_word + ": " + sat_answer_name(ob.result) +
                    (ob.certified ? " certified" : ""));
  return lines;
}

}  // namespace

TEST_CASE("words proved side by side give the one-thread run's obligations", "[miter][jobs]") {
  const Circuit construction = sums(4, 6, true), spec = sums(4, 6, false);
  const Run one = solve(construction, spec, 1);
  REQUIRE(one.verdict == true);
  REQUIRE(one.stats.obligations.size() == 4 * 7);
  for (int jobs : {2, 3, 8}) {
    INFO("jobs " << jobs);
    const Run many = solve(construction, spec, jobs);
    CHECK(many.verdict == true);
    CHECK(answers(many.stats) == answers(one.stats));
  }
}

TEST_CASE("a broken word side by side gives the one-thread run's counterexample", "[miter][jobs]") {
  const Circuit construction = sums(4, 6, false, 2), spec = sums(4, 6, true);
  const Run one = solve(construction, spec, 1);
  REQUIRE(one.verdict == false);
  REQUIRE(one.stats.differing_word == "sum2");
  const Run many = solve(construction, spec, 3);
  CHECK(many.verdict == false);
  CHECK(many.stats.differing_word == "sum2");
  CHECK(answers(many.stats) == answers(one.stats));  // nothing after the broken word's answer
  REQUIRE(many.stats.counterexample);
  CHECK(*many.stats.counterexample == *one.stats.counterexample);
  CHECK(simulate_outputs(construction, *many.stats.counterexample) !=
        simulate_outputs(spec, *many.stats.counterexample));
}

TEST_CASE("certified words side by side are each certified by the DRUP checker",
          "[miter][jobs][proof]") {
  const std::string dir =
      (std::filesystem::temp_directory_path() / "tc-miter-jobs-proofs").string();
  std::filesystem::remove_all(dir);
  const Circuit construction = sums(3, 4, true), spec = sums(3, 4, false);
  const Run one = solve(construction, spec, 1, dir + "/one");
  const Run many = solve(construction, spec, 3, dir + "/many");
  REQUIRE(one.verdict == true);
  CHECK(many.verdict == true);
  CHECK(answers(many.stats) == answers(one.stats));
  for (const ObligationStats& ob : many.stats.obligations) {
    CHECK(ob.certified);
    CHECK(std::filesystem::exists(ob.proof_path));
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("a float word is one obligation, an integer word one per bit; certified runs per bit",
          "[miter]") {
  const Decoding as_float = Decoding::floating(3, 3);  // the 7 bits of a 6-bit sum
  const Circuit construction = sums(2, 6, true, -1, as_float),
                spec = sums(2, 6, false, -1, as_float);
  const Run whole = solve(construction, spec, 1);
  REQUIRE(whole.verdict == true);
  CHECK(answers(whole.stats) == std::vector<std::string>{"sum0: unsat", "sum1: unsat"});
  CHECK(solve(sums(2, 6, true), sums(2, 6, false), 1).stats.obligations.size() == 2 * 7);

  const std::string dir =
      (std::filesystem::temp_directory_path() / "tc-miter-float-word-proofs").string();
  std::filesystem::remove_all(dir);
  const Run certified = solve(construction, spec, 1, dir);
  CHECK(certified.verdict == true);
  CHECK(certified.stats.obligations.size() == 2 * 7);
  for (const ObligationStats& ob : certified.stats.obligations) CHECK(ob.certified);
  std::filesystem::remove_all(dir);

  const Circuit broken = sums(2, 6, false, 1, as_float);
  const Run refuted = solve(broken, spec, 1);
  REQUIRE(refuted.verdict == false);
  CHECK(refuted.stats.differing_word == "sum1");
  REQUIRE(refuted.stats.counterexample);
  CHECK(simulate_outputs(broken, *refuted.stats.counterexample) !=
        simulate_outputs(spec, *refuted.stats.counterexample));
}

namespace {

// `c` with a case split on input word a0: its top two bits, and (when `with_unreachable`) the
// pair (x & y, x & !y) of its low two bits, whose value 3 no input reaches.
Circuit with_split(Circuit c, bool with_unreachable) {
  const Bits a = c.input_word("a0").bits;
  c.add_case_split("a0-top", {a[a.size() - 2], a[a.size() - 1]});
  if (with_unreachable)
    c.add_case_split("a0-low", {c.create_and(a[0], a[1]), c.create_and(a[0], !a[1])});
  return c;
}

}  // namespace

TEST_CASE("a case split proves every bit in every case, and a value no input reaches is skipped",
          "[miter][case-split]") {
  const Decoding as_float = Decoding::floating(3, 3);
  const Circuit construction = sums(2, 6, true, -1, as_float);
  const Run split = solve(construction, with_split(sums(2, 6, false, -1, as_float), true), 1);
  REQUIRE(split.verdict == true);
  // Split words are proved a bit at a time in each case, float words included.
  REQUIRE(split.stats.obligations.size() == 2 * 7);
  for (const ObligationStats& ob : split.stats.obligations) {
    CHECK(ob.cases == 16);
    CHECK(ob.result == SatAnswer::Unsat);
  }
  CHECK(case_split_summary(split.stats) ==
        "a0-top, a0-low (4 bits): sum0 12 of 16 cases reached, sum1 12 of 16 cases reached");
  // Side by side, the same summary (words merged in word order).
  CHECK(case_split_summary(
            solve(construction, with_split(sums(2, 6, false, -1, as_float), true), 2).stats) ==
        case_split_summary(split.stats));

  // The construction's split counts as well (a user's circuit may declare one).
  const Run theirs = solve(with_split(construction, false), sums(2, 6, false, -1, as_float), 1);
  REQUIRE(theirs.verdict == true);
  CHECK(case_split_summary(theirs.stats) ==
        "a0-top (2 bits): sum0 4 of 4 cases reached, sum1 4 of 4 cases reached");

  // A certified run keeps one fresh solver and one DRAT proof per bit, without the split.
  const std::string dir =
      (std::filesystem::temp_directory_path() / "tc-miter-case-split-proofs").string();
  std::filesystem::remove_all(dir);
  const Run certified = solve(construction, with_split(sums(2, 6, false), false), 1, dir);
  CHECK(certified.verdict == true);
  CHECK(certified.stats.case_split.empty());
  for (const ObligationStats& ob : certified.stats.obligations) CHECK(ob.certified);
  std::filesystem::remove_all(dir);
}

TEST_CASE("a case split finds the counterexample of a broken word, and the replay confirms it",
          "[miter][case-split]") {
  const Circuit spec = with_split(sums(2, 6, true), true);
  for (int broken : {0, 1}) {
    INFO("broken word " << broken);
    const Circuit construction = sums(2, 6, false, broken);
    const Run r = solve(construction, spec, 1);
    REQUIRE(r.verdict == false);
    CHECK(r.stats.differing_word == "sum" + std::to_string(broken));
    REQUIRE(r.stats.counterexample);
    CHECK(simulate_outputs(construction, *r.stats.counterexample) !=
          simulate_outputs(spec, *r.stats.counterexample));
    CHECK(r.stats.obligations.back().result == SatAnswer::Sat);
  }
}

TEST_CASE("a case split has 1 to 8 bits and a name of its own", "[miter][case-split]") {
  Circuit c("split");
  const Bits x = c.add_input_word("x", 10, Decoding::unsigned_int());
  CHECK_THROWS_AS(c.add_case_split("none", {}), std::invalid_argument);
  CHECK_THROWS_AS(c.add_case_split("wide", Bits(x.begin(), x.begin() + 9)), std::invalid_argument);
  c.add_case_split("eight", Bits(x.begin(), x.begin() + 8));
  CHECK_THROWS_AS(c.add_case_split("eight", {x[9]}), std::invalid_argument);
  CHECK_NOTHROW(c.verify());
}
