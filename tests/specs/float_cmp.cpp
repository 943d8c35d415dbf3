// Cross-check of the float comparison spec (specs/float_cmp.cpp) against exact_le / exact_eq.
#include "specs/float_cmp.hpp"

#include <catch2/catch.hpp>

#include "specs/float_exact.hpp"
#include "tests/support/float_check.hpp"

using namespace tc;

namespace {

FloatOracle cmp_oracle() {
  return [](const std::vector<FloatValue>& in) -> std::vector<std::vector<bool>> {
    return {{exact_le(in[0], in[1])}, {exact_eq(in[0], in[1])}};
  };
}

void check_all_pairs(FloatFormat f) {
  const Circuit c = build_float_cmp_spec(float_params(f));
  const auto values = all_float_values(f);
  const uint64_t n = values.size() * values.size();
  const FloatCheckResult r = float_check(c, f, n, float_all_pairs(values), cmp_oracle());
  INFO(r.first_mismatch);
  CHECK(r.mismatches == 0);
  CHECK(r.checked == n);
}

}  // namespace

TEST_CASE("float cmp spec decides x <= y and x = y exactly on every pair at p = 4",
          "[float-spec]") {
  check_all_pairs({4, 5});
  check_all_pairs({2, 2});
  check_all_pairs({3, 4});
}

TEST_CASE("float cmp spec decides x <= y and x = y exactly on random and near pairs at p = 8",
          "[float-spec]") {
  const FloatFormat f{8, 9};
  const Circuit c = build_float_cmp_spec(float_params(f));
  FloatSampler s(f, 5);
  // Near pairs: equal, negated, one significand step apart, same significand one exponent apart.
  const auto next = [&s](uint64_t index, std::vector<FloatValue>& in) {
    FloatValue x = s.any(), y = s.any();
    if (index % 2 == 1 && x.magnitude != 0) {
      y = x;
      switch (s.below(4)) {
        case 0:
          break;
        case 1:
          y.negative = !y.negative;
          break;
        case 2:
          y.magnitude = y.magnitude == 255 ? 254 : y.magnitude + 1;
          break;
        default:
          y.exponent += (y.exponent < 255) ? 1 : -1;
          break;
      }
    }
    in.assign({x, y});
  };
  const FloatCheckResult r = float_check(c, f, 1 << 17, next, cmp_oracle());
  INFO(r.first_mismatch);
  CHECK(r.mismatches == 0);
}
