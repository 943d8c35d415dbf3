// Cross-check of the float division spec (specs/float_div.cpp) against exact_div, including
// the defined result of division by zero.
#include "specs/float_div.hpp"

#include <catch2/catch.hpp>

#include "specs/float_exact.hpp"
#include "tests/support/float_check.hpp"

using namespace tc;

namespace {

FloatOracle div_oracle(FloatFormat f) {
  return [f](const std::vector<FloatValue>& in) -> std::vector<std::vector<bool>> {
    const DivResult d = exact_div(in[0], in[1], f);
    return {float_to_bits(d.z, f), {d.div_by_zero}};
  };
}

void check_all_pairs(FloatFormat f) {
  const Circuit c = build_float_div_spec(float_params(f));
  const auto values = all_float_values(f);
  const uint64_t n = values.size() * values.size();
  const FloatCheckResult r = float_check(c, f, n, float_all_pairs(values), div_oracle(f));
  INFO(r.first_mismatch);
  CHECK(r.mismatches == 0);
  CHECK(r.checked == n);
}

}  // namespace

TEST_CASE("float div spec equals the rounded exact quotient on every pair at p = 4",
          "[float-spec]") {
  check_all_pairs({4, 5});
}

TEST_CASE("float div spec equals the rounded exact quotient on every pair of tiny formats",
          "[float-spec]") {
  for (FloatFormat f : {FloatFormat{2, 2}, FloatFormat{2, 3}, FloatFormat{3, 2}, FloatFormat{3, 4},
                        FloatFormat{4, 2}, FloatFormat{4, 3}, FloatFormat{5, 3}}) {
    INFO("p = " << f.p << ", e = " << f.e);
    check_all_pairs(f);
  }
}

TEST_CASE("float div spec equals the rounded exact quotient on random and directed pairs at p = 8",
          "[float-spec]") {
  const FloatFormat f{8, 9};
  const Circuit c = build_float_div_spec(float_params(f));
  FloatSampler s(f, 11);
  // Directed points: divisors that make ties possible (few significant bits, 3 * 2^k, 5 * 2^k),
  // zero divisors, and exponent differences aimed at saturation and underflow.
  const auto next = [&s, f](uint64_t index, std::vector<FloatValue>& in) {
    FloatValue x = s.any(), y = s.any();
    switch (index % 4) {
      case 1: {
        const uint64_t m[4] = {128, 192, 160, 224};
        y = {s.coin(), m[s.below(4)], s.exponent()};
        break;
      }
      case 2:
        if (s.below(4) == 0) y = {};
        break;
      case 3:
        if (x.magnitude != 0) {
          const int64_t targets[3] = {f.emax(), f.emin(), f.emin() - 1};
          const int64_t target = targets[s.below(3)] + static_cast<int64_t>(s.below(5)) - 2;
          y = s.with_exponent(x.exponent - target, s.coin());
        }
        break;
      default:
        break;
    }
    in.assign({x, y});
  };
  const FloatCheckResult r = float_check(c, f, 1 << 17, next, div_oracle(f));
  INFO(r.first_mismatch);
  CHECK(r.mismatches == 0);
  CHECK(r.checked == 1 << 17);
}
