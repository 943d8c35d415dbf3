// Cross-check of the float multiplication spec (specs/float_mul.cpp) against exact_mul.
#include "specs/float_mul.hpp"

#include <catch2/catch.hpp>

#include "specs/float_exact.hpp"
#include "tests/support/float_check.hpp"

using namespace tc;

namespace {

FloatOracle mul_oracle(FloatFormat f) {
  return [f](const std::vector<FloatValue>& in) -> std::vector<std::vector<bool>> {
    return {float_to_bits(exact_mul(in[0], in[1], f), f)};
  };
}

void check_all_pairs(FloatFormat f) {
  const Circuit c = build_float_mul_spec(float_params(f));
  const auto values = all_float_values(f);
  const uint64_t n = values.size() * values.size();
  const FloatCheckResult r = float_check(c, f, n, float_all_pairs(values), mul_oracle(f));
  INFO(r.first_mismatch);
  CHECK(r.mismatches == 0);
  CHECK(r.checked == n);
}

}  // namespace

TEST_CASE("float mul spec equals the rounded exact product on every pair at p = 4",
          "[float-spec]") {
  check_all_pairs({4, 5});
}

TEST_CASE("float mul spec equals the rounded exact product on every pair of tiny formats",
          "[float-spec]") {
  for (FloatFormat f : {FloatFormat{2, 2}, FloatFormat{2, 3}, FloatFormat{3, 2}, FloatFormat{3, 4},
                        FloatFormat{4, 2}, FloatFormat{4, 3}, FloatFormat{5, 3}}) {
    INFO("p = " << f.p << ", e = " << f.e);
    check_all_pairs(f);
  }
}

TEST_CASE("float mul spec equals the rounded exact product on random and directed pairs at p = 8",
          "[float-spec]") {
  const FloatFormat f{8, 9};
  const Circuit c = build_float_mul_spec(float_params(f));
  FloatSampler s(f, 7);
  // Every third point aims the exponent sum at the edges: near emax (saturation), near emin
  // and emin - p (underflow to min or 0), near -p (ordinary).
  const auto next = [&s, f](uint64_t index, std::vector<FloatValue>& in) {
    FloatValue x = s.any(), y = s.any();
    if (index % 3 == 0 && x.magnitude != 0) {
      const int64_t targets[4] = {f.emax() - f.p, f.emin(), f.emin() - f.p, -f.p};
      const int64_t target = targets[s.below(4)] + static_cast<int64_t>(s.below(5)) - 2;
      y = s.with_exponent(target - x.exponent, s.coin());
    }
    in.assign({x, y});
  };
  const FloatCheckResult r = float_check(c, f, 1 << 17, next, mul_oracle(f));
  INFO(r.first_mismatch);
  CHECK(r.mismatches == 0);
  CHECK(r.checked == 1 << 17);
}
