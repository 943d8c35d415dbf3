// Tests of the AIGER exporter and reader (lib/export/aiger.hpp): every registered component
// round-trips through binary AIGER and simulates like the original, threshold gates expand to
// their exact function with a BDD of the expected size, masking zeroes invalid inputs, and
// malformed files fail with a one-line message.
#include "lib/export/aiger.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <sstream>

#include "lib/simulate.hpp"
#include "lib/threshold_encode.hpp"
#include "tests/export/sweep.hpp"
#include "verify/registry.hpp"

using namespace tc;
using namespace std::string_literals;  // "..."s keeps embedded NUL bytes

namespace {

Circuit round_trip(const Circuit& c, const AigerOptions& options = {}) {
  std::stringstream s;
  write_aiger_binary(s, c, options);
  return read_aiger_binary(s);
}

Circuit read_back(const AigerGraph& g) {
  std::stringstream s;
  write_aiger_binary(s, g);
  return read_aiger_binary(s);
}

// Comparison on the inputs valid for both (the read-back circuit has no constraints):
// exhaustive up to 20 input bits, else 2^16 random assignments.
void check_same_function(const Circuit& a, const Circuit& b) {
  CompareParams params;
  const bool exhaustive = a.num_input_bits() <= 20;
  if (!exhaustive) params.random_rounds = 1024;
  CompareResult r = compare_by_simulation(a, b, params);
  CHECK(r.complete == exhaustive);
  CHECK_FALSE(r.difference.has_value());
}

// The binary-format invariants the writer promises: lhs = 2*(I+k+1) > rhs0 >= rhs1.
void check_well_formed(const AigerGraph& g) {
  for (size_t k = 0; k < g.ands.size(); ++k) {
    const auto& [lhs, rhs0, rhs1] = g.ands[k];
    REQUIRE(lhs == 2 * (g.num_inputs + k + 1));
    REQUIRE(lhs > rhs0);
    REQUIRE(rhs0 >= rhs1);
    REQUIRE(rhs1 >= 2);  // constants are folded away
  }
  for (uint32_t o : g.outputs) REQUIRE(o <= 2 * g.max_var() + 1);
}

// A one-gate circuit [sum ws x >= t] over a word x, output word y.
Circuit one_gate(const std::vector<int64_t>& ws, int64_t t, std::vector<bool> complemented = {}) {
  Circuit c("gate");
  Bits x = c.add_input_word("x", static_cast<int>(ws.size()), Decoding::unsigned_int());
  for (size_t i = 0; i < complemented.size(); ++i)
    if (complemented[i]) x[i] = !x[i];
  c.add_output_word("y", {c.create_threshold(x, ws, t)}, Decoding::boolean());
  return c;
}

void check_malformed(const std::string& text, const std::string& fragment) {
  std::istringstream in(text);
  try {
    read_aiger_binary(in);
    FAIL("accepted malformed AIGER: " << fragment);
  } catch (const std::runtime_error& e) {
    const std::string msg = e.what();
    INFO(msg);
    CHECK(msg.rfind("aiger: ", 0) == 0);
    CHECK(msg.find('\n') == std::string::npos);
    CHECK(msg.find(fragment) != std::string::npos);
  }
}

}  // namespace

TEST_CASE("every component's construction and spec round-trip through binary AIGER", "[aiger]") {
  for (const Component& comp : all_components()) {
    if (!bit_level_sweep_covers(comp)) continue;
    for (int p : {3, 4}) {
      INFO(comp.name << " at p = " << p);
      const Circuit circ = comp.construction(sweep_params(comp, p));
      const Circuit spec = comp.spec(sweep_params(comp, p));
      check_well_formed(aiger_from_circuit(circ));
      check_well_formed(aiger_from_circuit(spec));
      const Circuit back_circ = round_trip(circ);
      const Circuit back_spec = round_trip(spec);
      check_same_function(circ, back_circ);
      check_same_function(spec, back_spec);
      // Masked exports agree on valid inputs too (and are unchanged without constraints).
      check_same_function(circ, round_trip(circ, AigerOptions{.mask_invalid_inputs = true}));
    }
  }
}

TEST_CASE("exp and silu and softplus at p = 4 round-trip through AIGER with their adder networks",
          "[aiger]") {
  // Their gates reach fan-in 200 and weights 2^21; before the per-gate choice of encoding
  // (lib/threshold_encode.hpp) exp's AIG had 7.1 million ANDs and silu's BDDs overflowed.
  // softplus has 1.39 million since log's powers (490,081 wires at p1 = 8) became its default.
  for (const char* name : {"exp", "silu", "softplus"}) {
    INFO(name);
    const Component& comp = *find_component(name);
    const Circuit circ = comp.construction(sweep_params(comp, 4));
    const AigerGraph g = aiger_from_circuit(circ);
    check_well_formed(g);
    CHECK(g.ands.size() < 2000000);
    check_same_function(circ, round_trip(circ));
  }
}

// The three files verify --export-aiger writes come from one lowering of the miter circuit; each
// must still be its own circuit: the sides simulate like construction and spec on valid inputs,
// the miter's outputs are 0 on valid inputs of an equal pair, and a mutant shows in the miter.
TEST_CASE("the construction, spec and miter files of one lowering are each their own circuit",
          "[aiger]") {
  for (const char* name : {"fadd", "fmul", "log", "exp"}) {
    const Component& comp = *find_component(name);
    INFO(name);
    const Circuit circ = comp.construction(sweep_params(comp, 4));
    const Circuit spec = comp.spec(sweep_params(comp, 4));
    const AigerPair pair = aiger_pair(circ, spec);
    for (const AigerGraph* g : {&pair.construction, &pair.spec, &pair.miter}) check_well_formed(*g);
    CHECK(pair.construction.circuit_name == circ.name());
    CHECK(pair.spec.circuit_name == spec.name());
    check_same_function(circ, read_back(pair.construction));
    check_same_function(spec, read_back(pair.spec));
    // The miter file: every output 0 on every valid input (all inputs: invalid ones are masked).
    const Circuit miter = read_back(pair.miter);
    REQUIRE(miter.output_words().size() == spec.output_words().size());
    CHECK(miter.output_words()[0].name == "diff:" + spec.output_words()[0].name);
    CHECK(miter.num_input_bits() <= 20);
    for (uint64_t v = 0; v < (uint64_t(1) << miter.num_input_bits()); ++v) {
      Assignment in;
      for (int i = 0; i < miter.num_input_bits(); ++i) in.push_back((v >> i) & 1);
      for (const auto& word : simulate_outputs(miter, in))
        for (bool bit : word) REQUIRE_FALSE(bit);
    }
    // Each side's file holds only its own cone: smaller than the miter, which holds both.
    CHECK(pair.construction.ands.size() < pair.miter.ands.size());
    CHECK(pair.spec.ands.size() < pair.miter.ands.size());
  }
  SECTION("a mutant's difference is in the miter file") {
    const Component& comp = *find_component("fadd");
    const std::string mutant = comp.mutants.at(0).name;
    INFO(mutant);
    const Circuit circ = comp.construction(sweep_params(comp, 4, mutant));
    const Circuit spec = comp.spec(sweep_params(comp, 4));
    const Circuit miter = read_back(aiger_pair(circ, spec).miter);
    bool differs = false;
    for (uint64_t v = 0; v < (uint64_t(1) << miter.num_input_bits()) && !differs; ++v) {
      Assignment in;
      for (int i = 0; i < miter.num_input_bits(); ++i) in.push_back((v >> i) & 1);
      for (const auto& word : simulate_outputs(miter, in))
        for (bool bit : word) differs = differs || bit;
    }
    CHECK(differs);
  }
}

TEST_CASE("the symbol table restores input and output words", "[aiger]") {
  Circuit c("words");
  Bits a = c.add_input_word("a", 3, Decoding::unsigned_int());
  Bits flag = c.add_input_word("flag", 1, Decoding::boolean());
  c.add_output_word("sum", {c.create_xor(a[0], flag[0]), c.create_and(a[1], a[2])},
                    Decoding::unsigned_int());
  c.add_output_word("t", {kTrue}, Decoding::boolean());
  const Circuit back = round_trip(c);
  REQUIRE(back.input_words().size() == 2);
  CHECK(back.input_words()[0].name == "a");
  CHECK(back.input_words()[0].bits.size() == 3);
  CHECK(back.input_words()[1].name == "flag");
  REQUIRE(back.output_words().size() == 2);
  CHECK(back.output_words()[0].name == "sum");
  CHECK(back.output_words()[1].bits == Bits{kTrue});
  check_same_function(c, back);

  SECTION("without symbols, inputs and outputs form one word each") {
    std::stringstream s;
    write_aiger_binary(s, c, AigerOptions{.mask_invalid_inputs = false, .symbols = false});
    const Circuit plain = read_aiger_binary(s);
    REQUIRE(plain.input_words().size() == 1);
    CHECK(plain.input_words()[0].name == "in");
    CHECK(plain.num_input_bits() == 4);
    REQUIRE(plain.output_words().size() == 1);
    CHECK(plain.output_words()[0].bits.size() == 3);
  }
}

TEST_CASE("the ASCII writer prints the exact AIG of a small circuit", "[aiger]") {
  Circuit c("and-xor");
  Bits a = c.add_input_word("a", 1, Decoding::boolean());
  Bits b = c.add_input_word("b", 1, Decoding::boolean());
  c.add_output_word("y", {c.create_and(a[0], !b[0]), c.create_xor(a[0], b[0])},
                    Decoding::unsigned_int());
  std::ostringstream out;
  write_aiger_ascii(out, c, AigerOptions{.mask_invalid_inputs = false, .symbols = false});
  // a & !b = 6; !a & b = 8; xor = !(!6 & !8) = 11.
  CHECK(out.str() == "aag 5 2 0 2 3\n2\n4\n6\n11\n6 5 2\n8 4 3\n10 9 7\n");
}

TEST_CASE("threshold gates expand to exactly their function", "[aiger]") {
  SECTION("hand-picked weights, thresholds and complemented inputs") {
    check_same_function(one_gate({1, 1, 1}, 2), round_trip(one_gate({1, 1, 1}, 2)));
    check_same_function(one_gate({2, 2, 1}, 3, {false, true, false}),
                        round_trip(one_gate({2, 2, 1}, 3, {false, true, false})));
    check_same_function(one_gate({5, 3, 3, 2, 1, 1}, 7),
                        round_trip(one_gate({5, 3, 3, 2, 1, 1}, 7)));
    check_same_function(one_gate({1, 1, 1, 1}, 4), round_trip(one_gate({1, 1, 1, 1}, 4)));  // AND
    check_same_function(one_gate({1, 1, 1, 1}, 1), round_trip(one_gate({1, 1, 1, 1}, 1)));  // OR
  }
  SECTION("random gates on up to 10 inputs") {
    std::mt19937 rng(7);
    for (int trial = 0; trial < 200; ++trial) {
      const int n = 2 + static_cast<int>(rng() % 9);
      std::vector<int64_t> ws;
      std::vector<bool> neg;
      int64_t total = 0;
      for (int i = 0; i < n; ++i) {
        ws.push_back(1 + static_cast<int64_t>(rng() % 20));
        neg.push_back(rng() % 3 == 0);
        total += ws.back();
      }
      const int64_t t = 1 + static_cast<int64_t>(rng() % total);
      INFO("trial " << trial);
      const Circuit g = one_gate(ws, t, neg);
      check_same_function(g, round_trip(g));
    }
  }
}

TEST_CASE("with the totalizer forced, small-weight gates expand to exactly their function",
          "[aiger][totalizer]") {
  // Every threshold gate the export asks as Auto gets the totalizer (verify --encoding
  // totalizer); restored whatever happens.
  struct Forced {
    Forced() { set_threshold_method_for_auto(ThresholdMethod::Totalizer); }
    ~Forced() { set_threshold_method_for_auto(ThresholdMethod::Auto); }
  } forced;
  std::mt19937 rng(8);
  for (int trial = 0; trial < 120; ++trial) {
    // Fan-in up to 12, checked on all 2^12 inputs: weights 1..2n as --lower-weights leaves them,
    // all equal, or clipped (above every T), and T at 1, W or anywhere between.
    const int n = 2 + static_cast<int>(rng() % 11);
    std::vector<int64_t> ws;
    std::vector<bool> neg;
    int64_t total = 0;
    for (int i = 0; i < n; ++i) {
      ws.push_back(trial % 3 == 0   ? 3
                   : trial % 3 == 1 ? 1 + static_cast<int64_t>(rng() % (2 * n))
                   : rng() % 2      ? 1000000
                                    : 1 + static_cast<int64_t>(rng() % 3));
      neg.push_back(rng() % 3 == 0);
      total += ws.back();
    }
    const int64_t t = trial % 4 == 0   ? 1
                      : trial % 4 == 1 ? total
                      : trial % 3 == 2 ? 1 + static_cast<int64_t>(rng() % 40)
                                       : 1 + static_cast<int64_t>(rng() % total);
    INFO("trial " << trial);
    const Circuit g = one_gate(ws, t, neg);
    const AigerGraph aig = aiger_from_circuit(g);
    check_well_formed(aig);
    check_same_function(g, round_trip(g));
  }
}

TEST_CASE("interval memoization keeps the BDD of a 2^i comparison linear", "[aiger]") {
  // [sum 2^i a_i - sum 2^i b_i >= 0] over 2 x 16 bits: exponential without sharing.
  Circuit c("cmp");
  Bits a = c.add_input_word("a", 16, Decoding::unsigned_int());
  Bits b = c.add_input_word("b", 16, Decoding::unsigned_int());
  std::vector<Signal> xs;
  std::vector<int64_t> ws;
  for (int i = 0; i < 16; ++i) {
    xs.push_back(a[i]);
    ws.push_back(int64_t{1} << i);
    xs.push_back(b[i]);
    ws.push_back(-(int64_t{1} << i));
  }
  c.add_output_word("ge", {c.create_threshold(xs, ws, 0)}, Decoding::boolean());
  const AigerGraph g = aiger_from_circuit(c);
  CHECK(g.ands.size() <= 4 * 16);  // 2 ANDs per BDD node, about 2 nodes per bit pair
  CompareParams random;
  random.random_rounds = 256;
  CHECK_FALSE(compare_by_simulation(c, round_trip(c), random).difference.has_value());
}

TEST_CASE("masking zeroes every output on inputs that violate a constraint", "[aiger]") {
  Circuit c("masked");
  Bits a = c.add_input_word("a", 3, Decoding::unsigned_int());
  c.add_constraint(!c.create_and(a[0], a[1]));  // a = 3 and a = 7 are invalid
  c.add_output_word("y", {!a[2], c.create_or(a[0], a[1])}, Decoding::unsigned_int());
  const Circuit back = round_trip(c, AigerOptions{.mask_invalid_inputs = true});
  for (int v = 0; v < 8; ++v) {
    const Assignment in = {(v & 1) != 0, (v & 2) != 0, (v & 4) != 0};
    const auto got = simulate_outputs(back, in)[0];
    if (satisfies_constraints(c, in))
      CHECK(got == simulate_outputs(c, in)[0]);
    else
      CHECK(got == std::vector<bool>{false, false});
  }
  // Without masking the constraint is simply not exported.
  const Circuit unmasked = round_trip(c);
  CHECK(simulate_outputs(unmasked, {true, true, false})[0] == std::vector<bool>{true, true});
}

TEST_CASE("shared constraints mask both sides with the same predicate", "[aiger]") {
  Circuit x("x"), y("y");
  Bits ax = x.add_input_word("a", 2, Decoding::unsigned_int());
  Bits ay = y.add_input_word("a", 2, Decoding::unsigned_int());
  x.add_constraint(!ax[1]);
  x.add_output_word("o", {ax[0]}, Decoding::boolean());
  y.add_output_word("o", {ay[0]}, Decoding::boolean());
  const Circuit y2 = aiger_share_constraints(y, x);
  REQUIRE(y2.constraints().size() == 1);
  CHECK_FALSE(satisfies_constraints(y2, {false, true}));
  CHECK(satisfies_constraints(y2, {true, false}));
}

TEST_CASE("malformed AIGER files are rejected with a one-line message", "[aiger]") {
  check_malformed("", "empty file");
  check_malformed("aag 1 1 0 1 0\n2\n2\n", "ASCII");
  check_malformed("aig 1 1\n", "needs M I L O A");
  check_malformed("aig 1 x 0 1 0\n", "bad I");
  check_malformed("aig 2 1 1 0 0\n", "latches");
  check_malformed("aig 5 1 0 1 1\n2\n", "is not I + L + A");
  check_malformed("aig 1 1 0 1 0\n9\n", "exceeds 2M+1");
  check_malformed("aig 1 1 0 2 0\n2\n", "missing output 1");
  check_malformed("aig 2 1 0 1 1\n4\n", "unexpected end of file");
  check_malformed("aig 2 1 0 1 1\n4\n\x80", "unexpected end of file");
  check_malformed("aig 2 1 0 1 1\n4\n\x00\x00"s, "bad first delta");
  check_malformed("aig 2 1 0 1 1\n4\n\x02\x03", "bad second delta");
  check_malformed("aig 2 1 0 1 1\n4\n\xff\xff\xff\xff\x7f\x00"s, "overflows");
  check_malformed("aig 2 1 0 1 1\n4\n\x02\x00x0 oops\n"s, "bad symbol line");
  check_malformed("aig 2 1 0 1 1\n4\n\x02\x00i5 a[5]\n"s, "names no such pin");
  check_malformed("aig 1 1 0 0 0 1\n", "not supported");
  // A valid file still reads after all that.
  std::istringstream ok("aig 2 1 0 1 1\n4\n\x02\x00i0 a[0]\no0 y[0]\nc\nanything\n"s);
  const Circuit c = read_aiger_binary(ok);
  CHECK(c.input_words()[0].name == "a");
  CHECK(c.output_words()[0].bits[0] == c.input_words()[0].bits[0]);
}
