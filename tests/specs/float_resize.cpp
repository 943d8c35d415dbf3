// Cross-check of the widening, negation and narrowing specs (specs/float_resize.cpp) against
// the exact GMP evaluator, over every valid input of many tiny format pairs.
#include "specs/float_resize.hpp"

#include <catch2/catch.hpp>
#include <stdexcept>

#include "specs/float_exact.hpp"
#include "tests/support/float_check.hpp"

using namespace tc;

namespace {

// Wide-enough exponent for the widening of `from` by d bits (the test's own arithmetic).
bool widen_fits(FloatFormat from, FloatFormat to) {
  return to.p >= from.p && to.e >= from.e && from.emin() - (to.p - from.p) >= to.emin();
}

void check_exhaustive(const Circuit& c, FloatFormat in, FloatFormat out,
                      const std::function<mpq_class(const mpq_class&)>& exact) {
  const auto values = all_float_values(in);
  const FloatCheckResult r =
      float_check(c, in, values.size(), float_all_singles(values),
                  [&](const std::vector<FloatValue>& x) -> std::vector<std::vector<bool>> {
                    return {float_to_bits(round_to_float(exact(value(x[0])), out), out)};
                  });
  INFO(r.first_mismatch);
  CHECK(r.mismatches == 0);
  CHECK(r.checked == values.size());
}

const FloatFormat kSmall[] = {{2, 2}, {2, 3}, {3, 3}, {3, 4}, {4, 3}, {4, 5}};

}  // namespace

TEST_CASE("float widen spec keeps every value of tiny formats exactly", "[float-resize]") {
  int checked = 0;
  for (FloatFormat from : kSmall)
    for (int d = 0; d <= 3; ++d)
      for (int de = 0; de <= 2; ++de) {
        const FloatFormat to{from.p + d, from.e + de};
        INFO("from (" << from.p << ", " << from.e << ") to (" << to.p << ", " << to.e << ")");
        if (!widen_fits(from, to)) {
          CHECK_THROWS_AS(spec_float_widen_circuit(from, to), std::invalid_argument);
          continue;
        }
        // round_to_float of the unchanged value in the wide format: exact by construction.
        check_exhaustive(spec_float_widen_circuit(from, to), from, to,
                         [](const mpq_class& v) { return v; });
        ++checked;
      }
  CHECK(checked > 30);
}

TEST_CASE("float widen spec result is the same rational, not just the same rounding",
          "[float-resize]") {
  const FloatFormat from{3, 4}, to{6, 7};
  const Circuit c = spec_float_widen_circuit(from, to);
  for (FloatValue x : all_float_values(from)) {
    Assignment in(c.num_input_bits());
    set_float_input(c, in, "x", x, from);
    const FloatValue z = float_from_bits(simulate_outputs(c, in)[0], to);
    INFO(float_to_string(x) << " -> " << float_to_string(z));
    CHECK(float_is_valid(z, to));
    CHECK(value(z) == value(x));
  }
}

TEST_CASE("float negate spec is exact with a canonical zero on tiny formats", "[float-resize]") {
  for (FloatFormat f : kSmall) {
    INFO("p = " << f.p << ", e = " << f.e);
    check_exhaustive(spec_float_negate_circuit(f), f, f, [](const mpq_class& v) { return -v; });
  }
}

TEST_CASE("float narrow spec rounds once on every value of tiny formats", "[float-resize]") {
  for (FloatFormat to : kSmall)
    for (int d = 0; d <= 3; ++d)
      for (int de = 0; de <= 2; ++de) {
        const FloatFormat from{to.p + d, to.e + de};
        INFO("from (" << from.p << ", " << from.e << ") to (" << to.p << ", " << to.e << ")");
        check_exhaustive(spec_float_narrow_circuit(from, to), from, to,
                         [](const mpq_class& v) { return v; });
      }
}
