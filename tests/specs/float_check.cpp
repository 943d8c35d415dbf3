// Tests of the float checking loop (tests/support/float_check.hpp): it finds and reports a wrong
// answer, its sampler is deterministic and yields valid floats, and it rejects non-float inputs.
#include "tests/support/float_check.hpp"

#include <catch2/catch.hpp>

#include "specs/float_exact.hpp"
#include "specs/float_mul.hpp"

using namespace tc;

TEST_CASE("float_check reports the first point where circuit and oracle differ", "[float-spec]") {
  const FloatFormat f{3, 3};
  const Circuit c = build_float_mul_spec(float_params(f));
  const auto values = all_float_values(f);
  // A wrong oracle: x + y instead of x * y.
  const auto wrong = [f](const std::vector<FloatValue>& in) -> std::vector<std::vector<bool>> {
    return {float_to_bits(exact_add(in[0], in[1], f), f)};
  };
  const uint64_t n = values.size() * values.size();
  const FloatCheckResult r = float_check(c, f, n, float_all_pairs(values), wrong);
  CHECK(r.checked == n);
  CHECK(r.mismatches > 0);
  CHECK(r.first_mismatch.find("x = ") != std::string::npos);
  CHECK(r.first_mismatch.find("(expected ") != std::string::npos);
  // The same loop with the right oracle finds nothing.
  const auto right = [f](const std::vector<FloatValue>& in) -> std::vector<std::vector<bool>> {
    return {float_to_bits(exact_mul(in[0], in[1], f), f)};
  };
  CHECK(float_check(c, f, n, float_all_pairs(values), right).mismatches == 0);
}

TEST_CASE("float_check rejects invalid generated inputs and non-float input words",
          "[float-spec]") {
  const FloatFormat f{3, 3};
  const Circuit c = build_float_mul_spec(float_params(f));
  const auto invalid = [](uint64_t, std::vector<FloatValue>& in) {
    in.assign({FloatValue{true, 0, 0}, FloatValue{false, 4, 0}});  // -0 is not canonical
  };
  const auto oracle = [](const std::vector<FloatValue>&) -> std::vector<std::vector<bool>> {
    return {std::vector<bool>(7, false)};
  };
  const FloatCheckResult r = float_check(c, f, 1, invalid, oracle);
  CHECK(r.mismatches == 1);
  CHECK(r.first_mismatch.find("rejected by a constraint") != std::string::npos);
  CHECK_THROWS_AS(float_check(c, FloatFormat{3, 4}, 1, invalid, oracle), std::invalid_argument);
}

TEST_CASE("FloatSampler is deterministic and yields valid floats", "[float-spec]") {
  const FloatFormat f{8, 9};
  FloatSampler a(f, 3), b(f, 3);
  int zeros = 0, at_emax = 0, at_emin = 0;
  for (int i = 0; i < 10000; ++i) {
    const FloatValue x = a.any();
    REQUIRE(x == b.any());
    REQUIRE(float_is_valid(x, f));
    zeros += x.magnitude == 0;
    at_emax += x.magnitude != 0 && x.exponent == f.emax();
    at_emin += x.magnitude != 0 && x.exponent == f.emin();
  }
  // The edges are sampled far more often than uniformly (1 in 512 exponents).
  CHECK(zeros > 100);
  CHECK(at_emax > 100);
  CHECK(at_emin > 100);
}
