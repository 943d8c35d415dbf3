// Tests of the plain-text circuit format (lib/io/circuit_text.hpp): writing then reading is the
// identity on every registered component's construction and spec, the shorthands and weighted
// sums mean what docs/circuit-format.md says, and each kind of malformed file fails with
// file:line:column and its reason.
#include "lib/io/circuit_text.hpp"

#include <catch2/catch.hpp>
#include <sstream>

#include "lib/analysis.hpp"
#include "lib/simulate.hpp"
#include "tests/export/sweep.hpp"
#include "tests/support/read_error_check.hpp"
#include "verify/registry.hpp"

using namespace tc;

namespace {

std::string text_of(const Circuit& c) {
  std::ostringstream out;
  write_circuit_text(out, c);
  return out.str();
}

Circuit read_text(const std::string& text) {
  std::istringstream in(text);
  return read_circuit_text(in, "t.tc");
}

bool same_words(const std::vector<Word>& a, const std::vector<Word>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].name != b[i].name || a[i].bits.size() != b[i].bits.size() ||
        !(a[i].decoding == b[i].decoding))
      return false;
  return true;
}

// read(write(c)) has c's words, constraints, cuts, case splits and gates (write(read(write(c))) ==
// write(c), and the text names every gate with its weights), and simulates like c.
void check_identity(const Circuit& c) {
  const std::string text = text_of(c);
  const Circuit back = read_text(text);
  CHECK(text_of(back) == text);
  CHECK(back.name() == c.name());
  CHECK(same_words(back.input_words(), c.input_words()));
  CHECK(same_words(back.output_words(), c.output_words()));
  CHECK(back.constraints().size() == c.constraints().size());
  REQUIRE(back.cuts().size() == c.cuts().size());
  for (size_t i = 0; i < c.cuts().size(); ++i) {
    CHECK(back.cuts()[i].name == c.cuts()[i].name);
    CHECK(back.cuts()[i].inputs.size() == c.cuts()[i].inputs.size());
    CHECK(back.cuts()[i].outputs.size() == c.cuts()[i].outputs.size());
    CHECK(back.cuts()[i].block == c.cuts()[i].block);
    CHECK(back.cuts()[i].decoding == c.cuts()[i].decoding);
  }
  CHECK(same_words(back.case_splits(), c.case_splits()));
  const CircuitStats s = analyze(c), t = analyze(back);
  CHECK(t.gates == s.gates);
  CHECK(t.depth == s.depth);
  CHECK(t.wires == s.wires);
  CHECK(t.max_weight == s.max_weight);
  CompareParams params;
  params.random_rounds = 4;
  CHECK_FALSE(compare_by_simulation(c, back, params).difference.has_value());
}

void check_rejected(const std::string& text, const std::string& where,
                    const std::string& fragment) {
  test::check_read_error([&] { read_text(text); }, text, "t.tc", where, fragment);
}

}  // namespace

namespace {

// The SSM layer's components at their smallest p, as in tests/verify/cli.cpp: their larger
// circuits add time, not cases.
Params identity_params(const Component& comp) {
  const bool ssm = comp.takes("L") || comp.takes("N");
  return sweep_params(comp, ssm ? comp.p_spec().min : 4);
}

}  // namespace

TEST_CASE("every component's construction round-trips through the text format", "[circuit_text]") {
  for (const Component& comp : all_components()) {
    INFO(comp.name);
    check_identity(comp.construction(identity_params(comp)));
  }
}

TEST_CASE("every component's spec round-trips through the text format", "[circuit_text]") {
  for (const Component& comp : all_components()) {
    INFO(comp.name);
    check_identity(comp.spec(identity_params(comp)));
  }
}

TEST_CASE("a cut's decoding round-trips whatever its kind", "[circuit_text]") {
  // The writer prints every kind the IR allows (compose_embed sets only float today).
  Circuit c("cuts");
  const Bits x = c.add_input_word("x", 3, Decoding::unsigned_int());
  const Signal g = c.create_majority({x[0], x[1], x[2]});
  const Signal h = c.create_and(x[0], x[1]);
  const Signal k = c.create_or(x[1], x[2]);
  c.add_output_word("y", {g, h, k}, Decoding::unsigned_int());
  c.add_cut("plain", x, {g});
  c.add_cut("as-bool", x, {h}, kTrue, kTrue, false, Decoding::boolean());
  c.add_cut("as-signed", x, {g, k}, kTrue, kTrue, true, Decoding::signed_int());
  c.add_cut("as-float", x, {g, h, k}, kTrue, kTrue, true, Decoding::floating(1, 1));
  check_identity(c);
}

TEST_CASE("a case split round-trips; a gate may still be named 'split'", "[circuit_text]") {
  Circuit c("splits");
  const Bits x = c.add_input_word("x", 3, Decoding::unsigned_int());
  const Signal g = c.create_majority({x[0], x[1], x[2]});
  c.add_output_word("y", {g}, Decoding::unsigned_int());
  c.add_case_split("top", {x[2], !c.create_and(x[0], x[1])});
  c.add_case_split("low", {x[0]});
  check_identity(c);
  CHECK(text_of(c).find("split top x[2] !") != std::string::npos);

  const Circuit named = read_text(
      "input x 2\nsplit = AND(x[0], x[1])\noutput y 1 = split\n"
      "split s split !x[1]\n");
  REQUIRE(named.case_splits().size() == 1);
  CHECK(named.case_splits()[0].bits.size() == 2);
  check_rejected("input x 2\nsplit s x[0]\nsplit s x[1]\n", "3:7",
                 "duplicate name 's': already a case split");
  check_rejected("input x 9\nsplit s x[0] x[1] x[2] x[3] x[4] x[5] x[6] x[7] x[8]\n", "2:9",
                 "a case split has 1 to 8 signals, found 9");
  check_rejected("input x 2\nsplit s\n", "2:8", "a case split has 1 to 8 signals, found 0");
}

TEST_CASE("shorthands and weighted sums build the documented gates", "[circuit_text]") {
  const Circuit c = read_text(
      "# a comment line\n"
      "input x 3   # x[0] is the least significant bit\n"
      "input s 1 bool\n"
      "and = AND(x[0], !x[1])\n"  // only the upper-case AND is a keyword
      "or = OR(x[0], x[1], x[2])\n"
      "maj = MAJ(x[0], x[1], x[2])\n"
      "n = NOT(maj)\n"
      "w = 2*x[0] - x[1] + 3 * !x[2] >= 2\n"
      "k = x[0] + 1 >= 2\n"  // the constant 1 in a sum: x[0] + 1 >= 2 is x[0]
      "output y 6 = and or maj n w k\n"
      "output z 2 = s !s\n");
  REQUIRE(c.input_words().size() == 2);
  for (uint32_t v = 0; v < 16; ++v) {
    Assignment in;
    for (int i = 0; i < 4; ++i) in.push_back((v >> i) & 1);
    const bool x0 = in[0], x1 = in[1], x2 = in[2];
    const auto out = simulate_outputs(c, in);
    INFO("x = " << v);
    CHECK(out[0][0] == (x0 && !x1));
    CHECK(out[0][1] == (x0 || x1 || x2));
    CHECK(out[0][2] == (x0 + x1 + x2 >= 2));
    CHECK(out[0][3] == !(x0 + x1 + x2 >= 2));
    CHECK(out[0][4] == (2 * x0 - x1 + 3 * !x2 >= 2));
    CHECK(out[0][5] == x0);
    CHECK(out[1][0] == in[3]);
    CHECK(out[1][1] == !in[3]);
  }
}

TEST_CASE("malformed text circuits fail with file, line, column and reason", "[circuit_text]") {
  const std::string head = "input a 2\n";
  check_rejected(head + "g = AND(a[0], h)\noutput y 1 = g\n", "2:15", "unknown signal 'h'");
  check_rejected(head + "g = AND(a[0], h)\nh = OR(a[1], g)\noutput y 1 = g\n", "2:15",
                 "'h' is used before its definition on line 3");
  check_rejected(head + "g = AND(a[0], a[1])\ng = OR(a[0], a[1])\noutput y 1 = g\n", "3:1",
                 "duplicate name 'g'");
  check_rejected(head + "input a 3\noutput y 1 = a[0]\n", "2:7", "duplicate name 'a'");
  check_rejected(head + "output y 2 = a[0]\n", "2:10", "width mismatch");
  check_rejected(head + "output y 1 = a[2]\n", "2:14", "width mismatch");
  check_rejected(head + "output y 1 float 2 2 = a[0]\n", "2:10", "width mismatch");
  // a[0] or (a[1] and a[2]): neither AND nor OR, so its weights stay and sum to 2^62.
  check_rejected(
      "input a 3\ng = 2305843009213693952*a[0] + 2305843009213693951*a[1] + a[2] >= "
      "2305843009213693952\noutput y 1 = g\n",
      "2:1", "weight out of range");
  check_rejected(head + "g = 99999999999999999999*a[0] >= 1\noutput y 1 = g\n", "2:5",
                 "out of range");
  check_rejected(head + "g = AND(a[0], a[1])\n", "2:1", "missing output");
  check_rejected(head + "g = AND(a[0] a[1])\noutput y 1 = g\n", "2:14", "expected ')'");
  check_rejected(head + "g = 2*a[0] + a[1] > 1\noutput y 1 = g\n", "2:19",
                 "expected '+', '-' or '>='");
  check_rejected(head + "g = AND(a[0], a[1]) junk\noutput y 1 = g\n", "2:21", "unexpected 'junk'");
  check_rejected(head + "g = FOO(a[0])\noutput y 1 = g\n", "2:1", "unknown gate 'FOO'");
  check_rejected(head + "AND = OR(a[0], a[1])\noutput y 1 = AND\n", "2:1", "keyword");
  check_rejected(head + "input b 0\noutput y 1 = a[0]\n", "2:9", "out of range");
  check_rejected(head + "output y 1 = a[0]\noutput y 1 = a[1]\n", "3:8", "duplicate name 'y'");
  check_rejected("", "1:1", "missing output");
}

TEST_CASE("a circuit of many gates loads through the streaming reader", "[circuit_text]") {
  // 2 * 10^5 gates here; scripts/gen-big-circuit (docs/circuit-format.md) makes 10^6 and more.
  std::ostringstream text;
  text << "input x 64\n";
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    text << "g" << i << " = ";
    if (i < 2)
      text << "AND(x[" << i << "], x[" << i + 1 << "])\n";
    else
      text << (i % 5 + 1) << "*g" << i - 1 << " + 2*!g" << i - 2 << " + g" << i / 2 << " + x["
           << i % 64 << "] >= " << (i % 3 + 2) << "\n";
  }
  text << "output y 1 = g" << n - 1 << "\n";
  const Circuit c = read_text(text.str());
  CHECK(c.num_nodes() > n / 2);
  CHECK(c.output_words().size() == 1);
}
