// Tests of the shared float word (lib/float_word.hpp): layout, validity constraint, conversions.
#include "lib/float_word.hpp"

#include <catch2/catch.hpp>

#include "lib/decode.hpp"
#include "lib/simulate.hpp"
#include "specs/float_exact.hpp"

using namespace tc;

TEST_CASE("float input constraint accepts exactly the valid encodings", "[float-spec]") {
  for (FloatFormat f : {FloatFormat{4, 5}, FloatFormat{3, 2}, FloatFormat{2, 3}}) {
    Circuit c;
    const Bits x = add_float_input(c, "x", f);
    REQUIRE(c.constraints().size() == 1);
    // One threshold gate over the word, nothing else.
    CHECK(c.num_nodes() == static_cast<size_t>(1 + f.width() + 1));
    CHECK(c.node(c.constraints()[0].node()).kind == NodeKind::Threshold);
    int valid = 0;
    for (uint32_t word = 0; word < (1u << f.width()); ++word) {
      std::vector<bool> bits;
      for (int i = 0; i < f.width(); ++i) bits.push_back((word >> i) & 1);
      const bool expected = float_is_valid(float_from_bits(bits, f), f);
      INFO("p = " << f.p << ", e = " << f.e << ", word " << word);
      CHECK(satisfies_constraints(c, bits) == expected);
      valid += expected;
    }
    CHECK(valid == static_cast<int>(all_float_values(f).size()));
  }
}

TEST_CASE("float bits round-trip through the word layout", "[float-spec]") {
  const FloatFormat f{4, 5};
  for (FloatValue v : all_float_values(f)) {
    const std::vector<bool> bits = float_to_bits(v, f);
    REQUIRE(static_cast<int>(bits.size()) == f.width());
    CHECK(float_from_bits(bits, f) == v);
    // The counterexample printer reads the same numbers.
    CHECK(format_word(float_decoding(f), bits).find("invalid") == std::string::npos);
  }
  // Layout: magnitude LSB first, then exponent, then sign.
  const std::vector<bool> bits = float_to_bits({true, 9, -3}, f);
  CHECK(bits == std::vector<bool>{1, 0, 0, 1, /*-3*/ 1, 0, 1, 1, 1, /*sign*/ 1});
  CHECK_THROWS_AS(float_to_bits({false, 16, 0}, f), std::invalid_argument);
  CHECK_THROWS_AS(float_to_bits({false, 8, 16}, f), std::invalid_argument);
  CHECK_THROWS_AS(float_to_bits({false, 8, -17}, f), std::invalid_argument);
  CHECK_NOTHROW(float_to_bits({true, 3, 1}, f));  // invalid but encodable
  CHECK_FALSE(float_is_valid({true, 3, 1}, f));
  CHECK_FALSE(float_is_valid({true, 0, 0}, f));  // -0 is not canonical
  CHECK_FALSE(float_is_valid({false, 0, 1}, f));
}

TEST_CASE("split and join float are inverse and set_float_input places words", "[float-spec]") {
  const FloatFormat f{3, 4};
  Circuit c;
  const Bits x = add_float_input(c, "x", f);
  const Bits y = add_float_input(c, "y", f);
  const FloatBits fy = split_float(y, f);
  CHECK(fy.magnitude == Bits(y.begin(), y.begin() + 3));
  CHECK(fy.exponent == Bits(y.begin() + 3, y.begin() + 7));
  CHECK(fy.sign == y.back());
  CHECK(join_float(fy) == y);
  add_float_output(c, "y_out", join_float(fy), f);
  add_float_output(c, "x_out", x, f);
  CHECK_THROWS_AS(add_float_output(c, "short", Bits(3, kFalse), f), std::invalid_argument);

  Assignment input;
  set_float_input(c, input, "x", {true, 5, -8}, f);
  set_float_input(c, input, "y", {false, 7, 7}, f);
  const auto out = simulate_outputs(c, input);
  CHECK(float_from_bits(out[0], f) == FloatValue{false, 7, 7});
  CHECK(float_from_bits(out[1], f) == FloatValue{true, 5, -8});
}

TEST_CASE("float formats outside the supported range are rejected", "[float-spec]") {
  CHECK_THROWS_AS(check_float_format({1, 4}), std::invalid_argument);
  CHECK_THROWS_AS(check_float_format({4, 1}), std::invalid_argument);
  CHECK_THROWS_AS(check_float_format({63, 4}), std::invalid_argument);
  Params params;
  params.p = 6;  // e = 0: the default p + 1
  CHECK(float_format(params) == FloatFormat{6, 7});
  CHECK(float_format(float_params({6, 3})) == FloatFormat{6, 3});
}
