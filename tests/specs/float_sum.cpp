// Cross-check of the iterated-sum spec (specs/float_sum.cpp) against the exact evaluator
// (specs/float_exact_sum.hpp): every tuple of tiny formats, then directed points (cancellation,
// clustered exponents, saturation, underflow) at p = 6 and 8. Also checks that the exact sum
// and the step-by-step rounded sum really differ on such inputs, so the fsum mutant
// "step-by-step-rounding" is a real mistake.
#include "specs/float_sum.hpp"

#include <catch2/catch.hpp>

#include "specs/float_exact.hpp"
#include "specs/float_exact_sum.hpp"
#include "tests/specs/float_sum_points.hpp"
#include "tests/support/float_check.hpp"

using namespace tc;

namespace {

FloatOracle sum_oracle(FloatFormat f) {
  return [f](const std::vector<FloatValue>& in) -> std::vector<std::vector<bool>> {
    return {float_to_bits(exact_sum(in, f), f)};
  };
}

Circuit sum_spec(FloatFormat f, int n) {
  Params params = float_params(f);
  params.n = n;
  return build_float_sum_spec(params);
}

void check_all_tuples(FloatFormat f, int n) {
  const auto values = all_float_values(f);
  uint64_t count = 1;
  for (int i = 0; i < n; ++i) count *= values.size();
  const FloatCheckResult r =
      float_check(sum_spec(f, n), f, count, test::all_tuples(values, n), sum_oracle(f));
  INFO("p = " << f.p << ", e = " << f.e << ", n = " << n << ": " << r.first_mismatch);
  CHECK(r.checked == count);
  CHECK(r.mismatches == 0);
}

}  // namespace

TEST_CASE("fsum spec equals the rounded exact sum on every tuple of tiny formats", "[fsum]") {
  for (FloatFormat f : {FloatFormat{2, 2}, FloatFormat{3, 3}, FloatFormat{4, 3}, FloatFormat{4, 4}})
    check_all_tuples(f, 2);
  for (FloatFormat f : {FloatFormat{2, 2}, FloatFormat{2, 3}, FloatFormat{3, 3}})
    check_all_tuples(f, 3);
  check_all_tuples({2, 2}, 4);
}

TEST_CASE("fsum spec equals the rounded exact sum on directed points at p = 6 and 8", "[fsum]") {
  for (auto [f, n] : {std::pair{FloatFormat{6, 4}, 4}, std::pair{FloatFormat{6, 7}, 3},
                      std::pair{FloatFormat{8, 5}, 8}, std::pair{FloatFormat{8, 4}, 5}}) {
    const FloatCheckResult r =
        float_check(sum_spec(f, n), f, 1 << 13, test::sum_points(f, n, 7), sum_oracle(f));
    INFO("p = " << f.p << ", e = " << f.e << ", n = " << n << ": " << r.first_mismatch);
    CHECK(r.mismatches == 0);
    CHECK(r.checked == 1 << 13);
  }
}

TEST_CASE("the exact sum and the step-by-step rounded sum differ where large terms cancel",
          "[fsum]") {
  // 8 + (-8) + 1/16 at p = 4: step by step, 8 - 8 = 0 and 0 + 1/16 are exact, so both agree;
  // but (8 + 1/16) rounds to 8 first, and then 8 - 8 = 0: the order of rounding matters.
  const FloatFormat f{4, 5};
  const FloatValue eight{false, 8, 0}, minus_eight{true, 8, 0}, sixteenth{false, 8, -7};
  CHECK(exact_sum({eight, minus_eight, sixteenth}, f) == sixteenth);
  CHECK(stepwise_sum({eight, minus_eight, sixteenth}, f) == sixteenth);
  CHECK(exact_sum({eight, sixteenth, minus_eight}, f) == sixteenth);
  CHECK(stepwise_sum({eight, sixteenth, minus_eight}, f) == FloatValue{});
  // And on directed points the two differ often, so a step-by-step circuit cannot pass.
  FloatSampler s(f, 3);
  std::vector<FloatValue> in;
  const auto next = test::sum_points(f, 3, 11);
  int differ = 0;
  for (uint64_t i = 0; i < 600; ++i) {
    next(i, in);
    differ += exact_sum(in, f) != stepwise_sum(in, f);
  }
  CHECK(differ > 30);
}
