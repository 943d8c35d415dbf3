// compose_embed: a circuit imported as a block, its words wired by order or by name.
#include "lib/compose.hpp"

#include <catch2/catch.hpp>
#include <stdexcept>

#include "lib/float_word.hpp"
#include "lib/sat/cut_points.hpp"
#include "lib/simulate.hpp"

using namespace tc;

namespace {

// out = [a + b >= 2] per bit (bitwise AND), carry = majority(a0, a1, b0); constraint: a != 0.
Circuit small_block() {
  Circuit c("block");
  const Bits a = c.add_input_word("a", 2, Decoding::unsigned_int());
  const Bits b = c.add_input_word("b", 2, Decoding::unsigned_int());
  c.add_output_word("and", {c.create_and(a[0], b[0]), c.create_and(a[1], b[1])},
                    Decoding::unsigned_int());
  c.add_output_word("maj", {c.create_majority({a[0], a[1], b[0]})}, Decoding::boolean());
  c.add_constraint(c.create_or(a[0], a[1]));
  c.add_cut("and-block", {a[0], a[1], b[0], b[1]}, {c.create_and(a[0], b[0])});
  return c;
}

}  // namespace

TEST_CASE("an embedded block computes its outputs from the host's words", "[compose]") {
  const Circuit block = small_block();
  Circuit host("host");
  const Bits x = host.add_input_word("x", 2, Decoding::unsigned_int());
  const Bits y = host.add_input_word("y", 2, Decoding::unsigned_int());
  // Feed b by a swapped word so that the wiring order matters.
  const Embedded e = compose_embed(host, block, {{"b", Bits{y[1], y[0]}}, {"a", x}});
  host.add_output_word("and", e.output("and"), Decoding::unsigned_int());
  host.add_output_word("maj", e.output("maj"), Decoding::boolean());
  host.add_output_word("ok", {compose_constraints_hold(host, e)}, Decoding::boolean());
  CHECK(host.constraints().empty());  // not carried into the host's input space
  CHECK(host.cuts().empty());         // no prefix: no cut
  REQUIRE(e.constraints.size() == 1);
  for (int v = 0; v < 16; ++v) {
    const bool x0 = v & 1, x1 = v & 2, y0 = v & 4, y1 = v & 8;
    const auto out = simulate_outputs(host, {x0, x1, y0, y1});
    INFO("x = " << (v & 3) << ", y = " << (v >> 2));
    CHECK(out[0] == std::vector<bool>{x0 && y1, x1 && y0});
    CHECK(out[1][0] == (int(x0) + int(x1) + int(y1) >= 2));
    CHECK(out[2][0] == (x0 || x1));
  }
}

TEST_CASE("compose_embed by order equals compose_embed by name", "[compose]") {
  const Circuit block = small_block();
  Circuit h1("h1"), h2("h2");
  const Bits x1 = h1.add_input_word("x", 4, Decoding::unsigned_int());
  const Bits x2 = h2.add_input_word("x", 4, Decoding::unsigned_int());
  const Embedded e1 = compose_embed(h1, block, std::vector<Bits>{{x1[0], x1[1]}, {x1[2], x1[3]}});
  const Embedded e2 =
      compose_embed(h2, block, {{"a", Bits{x2[0], x2[1]}}, {"b", Bits{x2[2], x2[3]}}});
  h1.add_output_word("and", e1.output("and"), Decoding::unsigned_int());
  h2.add_output_word("and", e2.output("and"), Decoding::unsigned_int());
  const CompareResult r = compare_by_simulation(h1, h2, {});
  CHECK(r.complete);
  CHECK_FALSE(r.difference);
}

TEST_CASE("compose_embed re-declares cuts under a prefix", "[compose]") {
  const Circuit block = small_block();
  Circuit host("host");
  const Bits x = host.add_input_word("x", 4, Decoding::unsigned_int());
  const Embedded e = compose_embed(host, block, std::vector<Bits>{{x[0], x[1]}, {x[2], x[3]}},
                                   ComposeOptions{"inner/"});
  REQUIRE(host.cuts().size() == 1);
  CHECK(host.cuts()[0].name == "inner/and-block");
  CHECK(host.cuts()[0].inputs == Bits{x[0], x[1], x[2], x[3]});
  CHECK(host.cuts()[0].outputs == Bits{e.output("and")[0]});
}

TEST_CASE("a block of one float output word reads as that float; its extracted word too",
          "[compose]") {
  // The miter proves a float word in one obligation (lib/sat/miter_obligations.cpp); a block's
  // word keeps the decoding so that its proof does too.
  const FloatFormat f{3, 3};
  Circuit negate("negate");
  const Bits x = add_float_input(negate, "x", f);
  Bits z = x;
  z.back() = !x.back();
  add_float_output(negate, "z", z, f);
  Circuit host("host");
  const Bits a = add_float_input(host, "a", f);
  compose_embed(host, negate, std::vector<Bits>{a}, block_with_inner_cuts("neg"));
  REQUIRE(host.cuts().size() == 1);
  const Circuit::Cut& cut = host.cuts()[0];
  CHECK(cut.block);
  CHECK(cut.decoding == Decoding::floating(3, 3));
  const auto block = extract_cut_block(host, cut);
  REQUIRE(block);
  CHECK(block->output_word("out").decoding == Decoding::floating(3, 3));

  // Two output words: no one float to read, so the bits stay an integer word.
  Circuit pair("pair");
  const Bits y = add_float_input(pair, "y", f);
  add_float_output(pair, "u", y, f);
  add_float_output(pair, "v", y, f);
  Circuit host2("host2");
  compose_embed(host2, pair, std::vector<Bits>{add_float_input(host2, "b", f)},
                block_with_inner_cuts("pair"));
  REQUIRE(host2.cuts().size() == 1);
  CHECK(host2.cuts()[0].decoding == Decoding::unsigned_int());
}

TEST_CASE("compose_embed rejects mismatched words by name", "[compose]") {
  const Circuit block = small_block();
  Circuit host("host");
  const Bits x = host.add_input_word("x", 3, Decoding::unsigned_int());
  CHECK_THROWS_AS(compose_embed(host, block, std::vector<Bits>{{x[0], x[1]}}),
                  std::invalid_argument);
  CHECK_THROWS_AS(compose_embed(host, block, std::vector<Bits>{x, {x[0], x[1]}}),
                  std::invalid_argument);
  CHECK_THROWS_AS(compose_embed(host, block, {{"a", Bits{x[0], x[1]}}, {"c", Bits{x[0], x[1]}}}),
                  std::invalid_argument);
  CHECK_THROWS_AS(compose_embed(host, block, {{"a", Bits{x[0], x[1]}}}), std::invalid_argument);
  const Embedded e = compose_embed(host, block, {{"a", Bits{x[0], x[1]}}, {"b", Bits{x[1], x[2]}}});
  CHECK_THROWS_AS(e.output("nope"), std::out_of_range);
}
