// Tests of the AIGER reader (lib/io/aiger_read.hpp): what our exporter writes (binary and ASCII)
// reads back as the same words and function for every component the AIGER sweeps cover; ASCII
// gates in any order and complemented literals mean what AIGER says; files without symbols take
// the given words; malformed and sequential files fail with file:line:column and a reason.
#include "lib/io/aiger_read.hpp"

#include <catch2/catch.hpp>
#include <sstream>

#include "lib/export/aiger.hpp"
#include "lib/simulate.hpp"
#include "tests/export/sweep.hpp"
#include "tests/support/read_error_check.hpp"
#include "verify/registry.hpp"

using namespace tc;
using namespace std::string_literals;  // "..."s keeps embedded NUL bytes

namespace {

Circuit read_string(const std::string& text, const AigerReadOptions& options = {}) {
  std::istringstream in(text);
  return read_aiger(in, "t.aag", options);
}

void check_same_words(const std::vector<Word>& a, const std::vector<Word>& b) {
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].name == b[i].name);
    CHECK(a[i].bits.size() == b[i].bits.size());
  }
}

// Equal on the inputs valid for the original (the read-back circuit has no constraints).
void check_same_function(const Circuit& a, const Circuit& b) {
  CompareParams params;
  if (a.num_input_bits() > 16) params.random_rounds = 64;
  CHECK_FALSE(compare_by_simulation(a, b, params).difference.has_value());
}

void check_rejected(const std::string& text, const std::string& where,
                    const std::string& fragment) {
  test::check_read_error([&] { read_string(text); }, text, "t.aag", where, fragment);
}

}  // namespace

TEST_CASE("what the AIGER exporter writes reads back as the same circuit", "[aiger_read]") {
  for (const Component& comp : all_components()) {
    if (!bit_level_sweep_covers(comp)) continue;
    const bool ssm = comp.takes("L") || comp.takes("N");
    const Circuit c = comp.construction(sweep_params(comp, ssm ? comp.p_spec().min : 3));
    INFO(comp.name);
    for (bool binary : {true, false}) {
      std::stringstream s;
      if (binary)
        write_aiger_binary(s, c);
      else
        write_aiger_ascii(s, c);
      const Circuit back = read_aiger(s, "exported");
      check_same_words(back.input_words(), c.input_words());
      check_same_words(back.output_words(), c.output_words());
      check_same_function(c, back);
    }
  }
}

TEST_CASE("ASCII AND gates in any order, complemented literals and Yosys-style symbols",
          "[aiger_read]") {
  // y[0] = !(x[0] & !x[1]) listed before the gate it reads; y[1] = s; M larger than needed.
  const Circuit c = read_string(
      "aag 9 3 0 2 2\n2\n4\n6\n13\n6\n12 10 3\n10 4 2\n"
      "i0 x[0]\ni1 x[1]\ni2 s\no0 y[0]\no1 y[1]\nc\na comment\n");
  REQUIRE(c.input_words().size() == 2);
  CHECK(c.input_words()[0].name == "x");
  CHECK(c.input_words()[1].bits.size() == 1);
  for (uint32_t v = 0; v < 8; ++v) {
    const Assignment in{bool(v & 1), bool(v & 2), bool(v & 4)};
    const auto out = simulate_outputs(c, in);
    // 10 = x1 & x0; 12 = 10 & !x0 = false; output 13 = true.
    CHECK(out[0][0] == true);
    CHECK(out[0][1] == in[2]);
  }
  const Circuit d = read_string("aag 3 2 0 1 1\n2\n4\n7\n6 2 5\n");  // no symbols
  REQUIRE(d.input_words().size() == 1);
  CHECK(d.input_words()[0].name == "in");
  AigerReadOptions words;
  words.default_inputs = {{"a", 1}, {"b", 1}};
  words.default_outputs = {{"y", 1}};
  const Circuit e = read_string("aag 3 2 0 1 1\n2\n4\n7\n6 2 5\n", words);
  REQUIRE(e.input_words().size() == 2);
  CHECK(e.output_words()[0].name == "y");
  for (uint32_t v = 0; v < 4; ++v) {
    const Assignment in{bool(v & 1), bool(v & 2)};
    CHECK(simulate_outputs(e, in)[0][0] == !(in[0] && !in[1]));
  }
}

TEST_CASE("malformed and sequential AIGER files fail with file, line, column and reason",
          "[aiger_read]") {
  check_rejected("aag 3 1 1 1 1\n2\n4 6\n6\n6 2 4\n", "1:9", "latches: it is sequential");
  check_rejected("aig 1 1 0 1 0 1\n2\n", "1:16", "not a combinational circuit");
  check_rejected("agg 1 1 0 1 0\n", "1:1", "not an AIGER file");
  check_rejected("aag 3 1 0 1 2\n2\n4\n4 6 2\n6 4 2\n", "5:1", "cycle");
  check_rejected("aag 4 1 0 1 1\n2\n6\n6 2 8\n", "4:1", "unknown signal: literal 8");
  check_rejected("aag 3 1 0 1 1\n2\n6\n6 2 9\n", "4:5", "exceeds 2M + 1");
  check_rejected("aag 3 2 0 1 1\n2\n2\n6\n6 2 4\n", "3:1", "defined twice");
  check_rejected("aag 3 1 0 1 1\n2\n6\n7 2 2\n", "4:1", "is odd");
  check_rejected("aag 3 1 0 1 1\n2\n6\n6 2\n", "4:4", "expected a space");
  check_rejected("aag 3 1 0 1 1\n2\n6\n6 2 2 junk\n", "4:7", "expected the end of the line");
  check_rejected("aag 1 1 0 0 0\n2\n", "1:1", "missing output");
  check_rejected("aig 2 1 0 1 1\n4\n"s + "\x05\x00"s, "3:1", "first delta");
  check_rejected("aig 2 1 0 1 1\n4\n"s + "\x02"s, "3:1", "unexpected end of file");
  check_rejected("aig 2 1 0 1 1\n4\n"s + "\x80\x80\x80\x80\x80\x01"s, "3:1", "overflows 32 bits");
  check_rejected("aag 1 1 0 1 0\n2\n2\ni0 x[1]\no0 y\n", "4:4", "word 'x' has no bit 0");
  check_rejected("aag 1 1 0 1 0\n2\n2\ni0 x y\no0 y\n", "4:4", "bad symbol");
  check_rejected("aag 1 1 0 1 0\n2\n2\ni3 x\no0 y\n", "4:2", "names no such pin");
  check_rejected("aag 2 2 0 1 0\n2\n4\n2\ni0 x\no0 y\n", "7:1", "missing input symbol");
  check_rejected("", "1:1", "empty file");
}
