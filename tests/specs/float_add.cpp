// Cross-check of the float addition spec (specs/float_add.cpp) against exact_add: every valid
// pair at p = 4 and at a few tiny formats, then random and directed pairs at p = 8.
#include "specs/float_add.hpp"

#include <catch2/catch.hpp>

#include "specs/float_exact.hpp"
#include "tests/support/float_check.hpp"

using namespace tc;

namespace {

FloatOracle add_oracle(FloatFormat f) {
  return [f](const std::vector<FloatValue>& in) -> std::vector<std::vector<bool>> {
    return {float_to_bits(exact_add(in[0], in[1], f), f)};
  };
}

void check_all_pairs(FloatFormat f) {
  const Circuit c = build_float_add_spec(float_params(f));
  const auto values = all_float_values(f);
  const uint64_t n = values.size() * values.size();
  const FloatCheckResult r = float_check(c, f, n, float_all_pairs(values), add_oracle(f));
  INFO(r.first_mismatch);
  CHECK(r.mismatches == 0);
  CHECK(r.checked == n);
}

}  // namespace

TEST_CASE("float add spec equals the rounded exact sum on every pair at p = 4", "[float-spec]") {
  check_all_pairs({4, 5});
}

TEST_CASE("float add spec equals the rounded exact sum on every pair of tiny formats",
          "[float-spec]") {
  for (FloatFormat f : {FloatFormat{2, 2}, FloatFormat{2, 3}, FloatFormat{3, 2}, FloatFormat{3, 4},
                        FloatFormat{4, 2}, FloatFormat{4, 3}, FloatFormat{5, 3}}) {
    INFO("p = " << f.p << ", e = " << f.e);
    check_all_pairs(f);
  }
}

TEST_CASE("float add spec equals the rounded exact sum on random and directed pairs at p = 8",
          "[float-spec]") {
  const FloatFormat f{8, 9};
  const Circuit c = build_float_add_spec(float_params(f));
  FloatSampler s(f, 42);
  // Half the points are independent; half put y a chosen distance d below x's exponent, d in
  // [0, 2p + 8): cancellation (d <= 1), ties (d = p), the exact/sticky boundary G = p + 2.
  const auto next = [&s, f](uint64_t index, std::vector<FloatValue>& in) {
    FloatValue x = s.any(), y = s.any();
    if (index % 2 == 1 && x.magnitude != 0) {
      const int64_t d = static_cast<int64_t>(s.below(2 * f.p + 8));
      y = s.with_exponent(x.exponent - d, s.coin());
      if (s.coin()) std::swap(x, y);
    }
    in.assign({x, y});
  };
  const FloatCheckResult r = float_check(c, f, 1 << 17, next, add_oracle(f));
  INFO(r.first_mismatch);
  CHECK(r.mismatches == 0);
  CHECK(r.checked == 1 << 17);
}

TEST_CASE("float add spec handles the named edge cases at p = 8", "[float-spec]") {
  const FloatFormat f{8, 9};
  const Circuit c = build_float_add_spec(float_params(f));
  const FloatValue max = float_max(f), min = float_min(f), zero{};
  const FloatValue neg_max{true, max.magnitude, max.exponent},
      neg_min{true, min.magnitude, min.exponent};
  const FloatValue one{false, 128, -7}, neg_one{true, 128, -7};
  std::vector<std::vector<FloatValue>> cases = {
      {max, max},
      {neg_max, neg_max},
      {max, neg_max},
      {max, min},
      {min, neg_min},
      {min, min},
      {zero, zero},
      {zero, neg_min},
      {max, zero},
      {one, neg_one},
      {one, {false, 128, -15}},               // 1 + 2^-8: the tie, stays 1
      {one, {false, 129, -15}},               // just above the tie
      {{false, 129, -7}, {false, 128, -15}},  // odd significand: the tie rounds up
      {one, {true, 128, -15}},                // 1 - 2^-8: exact at p = 8 (binade below)
      {one, {true, 128, -16}},                // 1 - 2^-9: tie below 1
      {{false, 255, 0}, {false, 128, -8}},    // carry into a new binade
  };
  // Exponent differences p + 1 .. p + 4 around the guard boundary, both effective operations.
  for (int64_t d = f.p; d <= f.p + 5; ++d)
    for (bool negative : {false, true})
      for (uint64_t m : {128ull, 129ull, 255ull})
        cases.push_back({{false, 128, 0}, {negative, m, -d}});
  const auto next = [&cases](uint64_t index, std::vector<FloatValue>& in) { in = cases[index]; };
  const FloatCheckResult r = float_check(c, f, cases.size(), next, add_oracle(f));
  INFO(r.first_mismatch);
  CHECK(r.mismatches == 0);
}
