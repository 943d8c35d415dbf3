// The silu spec against its fast model, and the measurement against the proved bounds. The lemma
// chain itself runs in tests/verify/silu_cli.cpp (through verify, about 5 s).
#include "specs/silu.hpp"

#include <catch2/catch.hpp>

#include "specs/float_exact.hpp"
#include "specs/silu_lemmas.hpp"
#include "specs/silu_measure.hpp"
#include "tests/support/float_check.hpp"

namespace tc {
namespace {

Params silu_params(int p, const std::string& mutant = "") {
  Params params;
  params.p = p;
  params.mutant = mutant;
  return params;
}

TEST_CASE("the silu spec circuit equals the fast model on every input at p = 3 and 4", "[silu]") {
  for (int p : {3, 4}) {
    const SiluDesign d = silu_design(p);
    const FloatFormat f = d.narrow();
    const auto values = all_float_values(f);
    const FloatCheckResult r =
        float_check(build_silu_spec(silu_params(p)), f, values.size(), float_all_singles(values),
                    [&](const std::vector<FloatValue>& in) -> std::vector<std::vector<bool>> {
                      return {float_to_bits(silu_model(in[0], d).z, f)};
                    });
    INFO("p = " << p << ": " << r.first_mismatch);
    CHECK(r.checked == values.size());
    CHECK(r.mismatches == 0);
  }
}

TEST_CASE("the silu model at 0, at -1 and 1, and at large |x|", "[silu]") {
  const SiluDesign d = silu_design(4);
  CHECK(silu_model({}, d).z == FloatValue{});
  CHECK(silu_model({false, 8, 6}, d).z == FloatValue{false, 8, 6});  // 512: e^-512 flushes
  CHECK(silu_model({false, 15, 10}, d).z == FloatValue{false, 15, 10});
  // silu(x) - silu(-x) = x: silu(-1) = -0.2689.., rounds to -9 * 2^-5 at p = 4 (0.28125).
  CHECK(silu_model({true, 8, -3}, d).z == FloatValue{true, 9, -5});
  // silu(1) = 0.7310.., rounds to 12 * 2^-4 = 0.75.
  CHECK(silu_model({false, 8, -3}, d).z == FloatValue{false, 12, -4});
  // Very negative x underflows to the canonical zero.
  CHECK(silu_model({true, 8, 6}, d).z == FloatValue{});
}

TEST_CASE("the silu measurement stays within the proved bound at p = 4 and 5", "[silu]") {
  for (int p : {4, 5}) {
    INFO("p = " << p);
    const SiluDesign d = silu_design(p);
    const SiluBudget b = silu_budget(d);
    const SiluMeasurement m = silu_measure(d);
    CHECK(m.exhaustive);
    CHECK(m.measured > 0);
    CHECK(m.flushed > 0);
    CHECK(m.underflow > 0);
    CHECK(m.flushed_inexact == 0);
    CHECK(m.underflow_wrong == 0);
    CHECK(m.zero_wrong == 0);
    CHECK(m.final_error.error <= b.total);
    CHECK(m.before_narrowing.error <= b.B_w);
    CHECK(m.final_error.error > 0);
    // Every valid input is classified once.
    CHECK(m.measured + m.flushed + m.underflow + 1 == all_float_values(d.narrow()).size());
  }
}

TEST_CASE("the budget with exp's error ignored is smaller than the honest one", "[silu]") {
  const SiluDesign d = silu_design(4);
  const SiluBudget honest = silu_budget(d), ignored = silu_budget(d, true);
  CHECK(ignored.E == 0);
  CHECK(honest.E > 0);
  CHECK(ignored.B_s < honest.B_s);
  CHECK(ignored.total < honest.total);
}

}  // namespace
}  // namespace tc
