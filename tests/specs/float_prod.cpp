// Cross-check of the iterated-product and Hadamard specs (specs/float_prod.cpp,
// specs/float_hadamard.cpp) against the GMP evaluator (specs/float_exact_prod.hpp): every input
// tuple of tiny formats, random and directed tuples at wider ones.
#include "specs/float_prod.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "lib/float_word.hpp"
#include "specs/float_exact_prod.hpp"
#include "specs/float_hadamard.hpp"
#include "tests/support/float_check.hpp"

using namespace tc;

namespace {

Params prod_params(FloatFormat f, int n) {
  Params params = float_params(f);
  params.n = n;
  return params;
}

FloatOracle prod_oracle(FloatFormat f) {
  return [f](const std::vector<FloatValue>& in) -> std::vector<std::vector<bool>> {
    return {float_to_bits(exact_prod(in, f), f)};
  };
}

// Inputs x_0 .. x_(n-1) then y_0 .. y_(n-1); outputs z_i = round(x_i y_i).
FloatOracle hadamard_oracle(FloatFormat f) {
  return [f](const std::vector<FloatValue>& in) -> std::vector<std::vector<bool>> {
    const size_t n = in.size() / 2;
    const std::vector<FloatValue> xs(in.begin(), in.begin() + n), ys(in.begin() + n, in.end());
    std::vector<std::vector<bool>> out;
    for (const FloatValue& z : exact_hadamard(xs, ys, f)) out.push_back(float_to_bits(z, f));
    return out;
  };
}

// Point index -> the index-th tuple of `arity` values (mixed radix). `values` must outlive it.
FloatCaseGenerator all_tuples(const std::vector<FloatValue>& values, int arity) {
  return [&values, arity](uint64_t index, std::vector<FloatValue>& in) {
    in.clear();
    for (int i = 0; i < arity; ++i, index /= values.size())
      in.push_back(values[index % values.size()]);
  };
}

uint64_t power(uint64_t base, int k) {
  uint64_t r = 1;
  while (k-- > 0) r *= base;
  return r;
}

// Random tuples; every second one aims the product's exponent at an edge (emax: saturation;
// emin, emin - 1, emin - p: underflow to min or 0; -p: ordinary) through the last operand.
FloatCaseGenerator directed_tuples(FloatSampler& s, FloatFormat f, int arity) {
  return [&s, f, arity](uint64_t index, std::vector<FloatValue>& in) {
    in.clear();
    for (int i = 0; i < arity; ++i) in.push_back(s.any());
    if (index % 2 == 1 && in.back().magnitude != 0) {
      const int64_t targets[5] = {f.emax(), f.emin(), f.emin() - 1, f.emin() - f.p, -f.p};
      int64_t rest = static_cast<int64_t>(arity - 1) * (f.p - 1);
      for (int i = 0; i + 1 < arity; ++i) rest += in[i].exponent;
      const int64_t target = targets[s.below(5)] + static_cast<int64_t>(s.below(5)) - 2;
      in.back() = s.with_exponent(target - rest, s.coin());
    }
  };
}

void check_prod_exhaustive(FloatFormat f, int n) {
  INFO("p = " << f.p << ", e = " << f.e << ", n = " << n);
  const Circuit c = build_float_prod_spec(prod_params(f, n));
  const auto values = all_float_values(f);
  const uint64_t points = power(values.size(), n);
  const FloatCheckResult r = float_check(c, f, points, all_tuples(values, n), prod_oracle(f));
  INFO(r.first_mismatch);
  CHECK(r.mismatches == 0);
  CHECK(r.checked == points);
}

}  // namespace

TEST_CASE("fprod spec equals the rounded exact product on every tuple of tiny formats", "[fprod]") {
  check_prod_exhaustive({2, 2}, 4);
  check_prod_exhaustive({3, 3}, 2);
  check_prod_exhaustive({3, 3}, 3);
  check_prod_exhaustive({3, 2}, 3);
  check_prod_exhaustive({4, 5}, 2);
}

TEST_CASE("fprod spec equals the rounded exact product on every triple at p = 4",
          "[fprod][.slow]") {
  check_prod_exhaustive({4, 3}, 3);
}

TEST_CASE("fprod spec equals the rounded exact product on random and directed tuples", "[fprod]") {
  for (auto [f, n] : {std::pair{FloatFormat{6, 7}, 3},
                      {FloatFormat{8, 9}, 4},
                      {FloatFormat{5, 4}, 8},
                      {FloatFormat{12, 13}, 3},
                      {FloatFormat{16, 17}, 2}}) {
    INFO("p = " << f.p << ", n = " << n);
    const Circuit c = build_float_prod_spec(prod_params(f, n));
    FloatSampler s(f, 17 + n);
    const FloatCheckResult r = float_check(c, f, 1 << 13, directed_tuples(s, f, n), prod_oracle(f));
    INFO(r.first_mismatch);
    CHECK(r.mismatches == 0);
    CHECK(r.checked == 1 << 13);
  }
}

TEST_CASE("fprod spec folds exactly (n - 1)(p - 1) - 1 low bits into the sticky", "[fprod]") {
  CHECK(float_prod_sticky_bits(2, 2) == 0);
  CHECK(float_prod_sticky_bits(3, 6) == 9);
  CHECK(float_prod_sticky_bits(8, 12) == 76);
}

TEST_CASE("hadamard spec equals the rounded exact products on every input of a tiny format",
          "[hadamard]") {
  const FloatFormat f{2, 2};
  const Circuit c = build_float_hadamard_spec(prod_params(f, 2));
  const auto values = all_float_values(f);
  const uint64_t points = power(values.size(), 4);
  const FloatCheckResult r = float_check(c, f, points, all_tuples(values, 4), hadamard_oracle(f));
  INFO(r.first_mismatch);
  CHECK(r.mismatches == 0);
  CHECK(r.checked == points);
}

TEST_CASE("hadamard spec equals the rounded exact products on random vectors at p = 8",
          "[hadamard]") {
  const FloatFormat f{8, 9};
  const Circuit c = build_float_hadamard_spec(prod_params(f, 4));
  FloatSampler s(f, 3);
  const FloatCheckResult r =
      float_check(c, f, 1 << 13, directed_tuples(s, f, 8), hadamard_oracle(f));
  INFO(r.first_mismatch);
  CHECK(r.mismatches == 0);
}
