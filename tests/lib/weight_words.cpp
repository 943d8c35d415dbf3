// Weights as words: constants fitted exactly to the format or refused; inputs otherwise.
#include "lib/weight_words.hpp"

#include <catch2/catch.hpp>

namespace tc {
namespace {

TEST_CASE("weight_value normalizes m * 2^e to p bits exactly and refuses what does not fit",
          "[weight_words]") {
  const FloatFormat f{2, 3};                                // significands 2, 3; exponents -4 .. 3
  CHECK(weight_value({0, 17}, f, "w", 0) == FloatValue{});  // the canonical zero
  CHECK(weight_value({1, 0}, f, "w", 0) == FloatValue{false, 2, -1});   // 1
  CHECK(weight_value({4, -2}, f, "w", 0) == FloatValue{false, 2, -1});  // 1 again
  CHECK(weight_value({-3, 3}, f, "w", 0) == FloatValue{true, 3, 3});    // -24 = -max
  CHECK(weight_value({12, 1}, f, "w", 0) == FloatValue{false, 3, 3});   // trailing zeros dropped
  CHECK_THROWS_WITH(weight_value({5, 0}, f, "W_B", 3), Catch::Contains("W_B[3]"));  // 3 bits
  CHECK_THROWS_AS(weight_value({3, 4}, f, "w", 0), std::invalid_argument);          // above max
  CHECK_THROWS_AS(weight_value({2, -5}, f, "w", 0), std::invalid_argument);  // below min (2^-4 * 2)
  CHECK(weight_value({2, -4}, f, "w", 0) == FloatValue{false, 2, -4});       // exactly min
}

TEST_CASE("weight_words declares inputs without weights and constants with them",
          "[weight_words]") {
  const FloatFormat f{3, 4};
  Params params;
  Circuit a("a");
  const auto inputs = weight_words(a, params, "w", {"w0_0", "w0_1"}, f);
  CHECK(a.input_words().size() == 2);
  CHECK(a.input_words()[1].name == "w0_1");
  params.weights["w"] = {{3, 0}, {0, 0}};
  Circuit b("b");
  const auto constants = weight_words(b, params, "w", {"w0_0", "w0_1"}, f);
  CHECK(b.input_words().empty());
  REQUIRE(constants.size() == 2);
  CHECK(constants[1] == Bits(f.width(), kFalse));  // the canonical zero
  CHECK(constants[0] == constant_float_word({false, 6, -1}, f));
  CHECK_THROWS_WITH(weight_words(b, params, "bias", {"bias0"}, f), Catch::Contains("'bias'"));
}

}  // namespace
}  // namespace tc
