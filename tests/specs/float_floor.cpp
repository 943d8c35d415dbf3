// Cross-check of the float floor spec (specs/float_floor.cpp) against exact_floor. Floor has
// one input, so every valid input is checked, at p = 8 too: a complete proof for these formats.
#include "specs/float_floor.hpp"

#include <catch2/catch.hpp>

#include "specs/float_exact.hpp"
#include "tests/support/float_check.hpp"

using namespace tc;

namespace {

void check_all_inputs(FloatFormat f) {
  const Circuit c = build_float_floor_spec(float_params(f));
  const auto values = all_float_values(f);
  const auto oracle = [f](const std::vector<FloatValue>& in) -> std::vector<std::vector<bool>> {
    return {float_to_bits(exact_floor(in[0], f), f)};
  };
  const FloatCheckResult r = float_check(c, f, values.size(), float_all_singles(values), oracle);
  INFO(r.first_mismatch);
  CHECK(r.mismatches == 0);
  CHECK(r.checked == values.size());
}

}  // namespace

TEST_CASE("float floor spec equals the exact floor on every input at p = 4 and p = 8",
          "[float-spec]") {
  check_all_inputs({4, 5});
  check_all_inputs({8, 9});
}

// Narrow exponent ranges (emin > -(p - 1): no value below 1 but 0) exercise other paths of the
// packing; floor(x) is still exact there.
TEST_CASE("float floor spec equals the exact floor on every input of narrow formats",
          "[float-spec]") {
  for (FloatFormat f : {FloatFormat{2, 2}, FloatFormat{4, 2}, FloatFormat{5, 3}, FloatFormat{8, 3},
                        FloatFormat{8, 4}, FloatFormat{6, 7}}) {
    INFO("p = " << f.p << ", e = " << f.e);
    check_all_inputs(f);
  }
}

TEST_CASE("float floor spec handles values around 0 and -1 at p = 8", "[float-spec]") {
  const FloatFormat f{8, 9};
  const Circuit c = build_float_floor_spec(float_params(f));
  const std::vector<FloatValue> cases = {
      {},
      float_min(f),
      {true, 128, -256},
      {false, 255, -8},
      {true, 255, -8},  // +-0.996
      {false, 128, -7},
      {true, 128, -7},
      {true, 129, -7},
      {true, 255, -7},  // 1, -1, < -1
      {false, 255, -1},
      {true, 255, -1},
      {true, 128, 0},
      float_max(f),
  };
  const auto oracle = [f](const std::vector<FloatValue>& in) -> std::vector<std::vector<bool>> {
    return {float_to_bits(exact_floor(in[0], f), f)};
  };
  const FloatCheckResult r = float_check(c, f, cases.size(), float_all_singles(cases), oracle);
  INFO(r.first_mismatch);
  CHECK(r.mismatches == 0);
}
