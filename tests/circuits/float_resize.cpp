// The threshold widening, negation and narrowing blocks (circuits/float_resize.cpp) against the
// exact GMP evaluator, exhaustively on tiny formats; threshold-only and depth flat in p.
#include "circuits/float_resize.hpp"

#include <catch2/catch.hpp>
#include <stdexcept>

#include "lib/analysis.hpp"
#include "specs/float_exact.hpp"
#include "tests/support/float_check.hpp"

using namespace tc;

namespace {

bool widen_fits(FloatFormat from, FloatFormat to) {
  return to.p >= from.p && to.e >= from.e && from.emin() - (to.p - from.p) >= to.emin();
}

void check_exhaustive(const Circuit& c, FloatFormat in, FloatFormat out,
                      const std::function<mpq_class(const mpq_class&)>& exact) {
  CHECK(c.is_threshold_only());
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

TEST_CASE("threshold float widen keeps every value of tiny formats exactly", "[float-resize]") {
  int checked = 0;
  for (FloatFormat from : kSmall)
    for (int d = 0; d <= 3; ++d)
      for (int de = 0; de <= 2; ++de) {
        const FloatFormat to{from.p + d, from.e + de};
        INFO("from (" << from.p << ", " << from.e << ") to (" << to.p << ", " << to.e << ")");
        if (!widen_fits(from, to)) {
          CHECK_THROWS_AS(float_widen_circuit(from, to), std::invalid_argument);
          continue;
        }
        check_exhaustive(float_widen_circuit(from, to), from, to,
                         [](const mpq_class& v) { return v; });
        ++checked;
      }
  CHECK(checked > 30);
}

TEST_CASE("threshold float negate is exact with a canonical zero", "[float-resize]") {
  for (FloatFormat f : kSmall) {
    INFO("p = " << f.p << ", e = " << f.e);
    check_exhaustive(float_negate_circuit(f), f, f, [](const mpq_class& v) { return -v; });
  }
}

TEST_CASE("threshold float narrow rounds once on every value of tiny formats", "[float-resize]") {
  for (FloatFormat to : kSmall)
    for (int d = 0; d <= 3; ++d)
      for (int de = 0; de <= 2; ++de) {
        const FloatFormat from{to.p + d, to.e + de};
        INFO("from (" << from.p << ", " << from.e << ") to (" << to.p << ", " << to.e << ")");
        check_exhaustive(float_narrow_circuit(from, to), from, to,
                         [](const mpq_class& v) { return v; });
      }
}

TEST_CASE("float resize blocks have the same depth at every p", "[float-resize]") {
  for (int p : {4, 8, 12, 16}) {
    INFO("p = " << p);
    const FloatFormat f{p, p + 1}, wide{p + 3, p + 4};
    CHECK(analyze(float_widen_circuit(f, wide)).depth == 2);
    CHECK(analyze(float_negate_circuit(f)).depth == 1);
    CHECK(analyze(float_narrow_circuit(wide, f)).depth == 4);
  }
}
