// The softplus spec against its fast model, the trusted enclosure (G) on a grid, and the error
// lemmas against the MPFR measurement.
#include "specs/softplus.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "specs/float_exact.hpp"
#include "specs/softplus_lemmas.hpp"
#include "specs/softplus_measure.hpp"
#include "tests/support/float_check.hpp"

namespace tc {
namespace {

Params softplus_params(int p, const std::string& mutant = "") {
  Params params;
  params.p = p;
  params.mutant = mutant;
  return params;
}

TEST_CASE("the softplus spec circuit equals the fast model on every input at p = 3 and 4",
          "[softplus]") {
  for (int p : {3, 4}) {
    const SoftplusDesign d = softplus_design(p);
    const FloatFormat f = d.narrow();
    const auto values = all_float_values(f);
    const FloatCheckResult r = float_check(
        build_softplus_spec(softplus_params(p)), f, values.size(), float_all_singles(values),
        [&](const std::vector<FloatValue>& in) -> std::vector<std::vector<bool>> {
          return {float_to_bits(softplus_model(in[0], d).z, f)};
        });
    INFO("p = " << p << ": " << r.first_mismatch);
    CHECK(r.checked == values.size());
    CHECK(r.mismatches == 0);
  }
}

TEST_CASE("the softplus model at 0, at -1, at large x and at very negative x", "[softplus]") {
  const SoftplusDesign d = softplus_design(4);
  // softplus(0) = ln 2 = 0.693.., rounds to 11 * 2^-4 = 0.6875 at p = 4.
  CHECK(softplus_model({}, d).z == FloatValue{false, 11, -4});
  // softplus(-1) = 0.3133.., rounds to 10 * 2^-5 = 0.3125.
  CHECK(softplus_model({true, 8, -3}, d).z == FloatValue{false, 10, -5});
  // x = 512: e^-512 flushes at p1 = 8, z = x exactly.
  CHECK(softplus_model({false, 8, 6}, d).z == FloatValue{false, 8, 6});
  // x = -8: softplus = 3.35e-4 ~ e^-8, where 1 + e^x rounds to 1 at p1 (the tiny branch):
  // round_4(3.3541e-4) = 11 * 2^-15 = 3.357e-4.
  const SoftplusTrace t = softplus_model({true, 8, 0}, d);
  CHECK(t.d == FloatValue{});
  CHECK(t.z == FloatValue{false, 11, -15});
  // Very negative x underflows to the canonical zero.
  CHECK(softplus_model({true, 8, 6}, d).z == FloatValue{});
}

TEST_CASE("the trusted enclosure G: |d/dw ln(ln(1 + w) / w)| <= 1/2 on a grid of w > 0",
          "[softplus]") {
  // (ln g)'(w) = 1 / ((1 + w) ln(1 + w)) - 1 / w; in double, away from the cancellation at 0.
  for (int i = 1; i <= 4000; ++i) {
    const double w = std::ldexp(1.0, -12) * std::pow(1.006, i);
    const double derivative = 1 / ((1 + w) * std::log1p(w)) - 1 / w;
    INFO("w = " << w);
    CHECK(derivative <= 0);
    CHECK(derivative >= -0.5);
  }
}

TEST_CASE("the softplus error lemmas prove at p = 4 and the measured worst case lies within them",
          "[softplus]") {
  const std::vector<LemmaResult> results = softplus_lemmas(softplus_params(4));
  int own = 0, exp_at_p1 = 0, log_at_p1 = 0;
  for (const LemmaResult& r : results) {
    INFO(r.name << ": " << r.statement << " " << r.witness << " " << r.note);
    CHECK(r.verdict == LemmaVerdict::Proved);
    own += r.name.rfind("softplus.", 0) == 0;
    exp_at_p1 += r.name.rfind("exp.", 0) == 0 && r.name.find("@p8") != std::string::npos;
    log_at_p1 += r.name.rfind("log.", 0) == 0 && r.name.find("@p8") != std::string::npos;
  }
  CHECK(own == 8);  // gap, product, log1p, tiny, shift, range, end-to-end, measured
  CHECK(exp_at_p1 >= 6);
  CHECK(log_at_p1 >= 5);
}

// [.slow]: tests/verify/cli.cpp runs this mutant through the CLI in the default suite.
TEST_CASE("the lemma-level mutant log1p-gap-ignored makes softplus.log1p fail with a witness",
          "[.slow][softplus]") {
  const std::vector<LemmaResult> results = softplus_lemmas(softplus_params(4, "log1p-gap-ignored"));
  bool refuted = false;
  for (const LemmaResult& r : results)
    if (r.name == "softplus.log1p")
      refuted = r.verdict == LemmaVerdict::Refuted && !r.witness.empty();
  CHECK(refuted);
}

TEST_CASE("the softplus measurement stays within the proved bound at p = 4 and 5", "[softplus]") {
  for (int p : {4, 5}) {
    INFO("p = " << p);
    const SoftplusDesign d = softplus_design(p);
    const SoftplusBudget b = softplus_budget(d);
    const SoftplusMeasurement m = softplus_measure(d);
    CHECK(m.exhaustive);
    CHECK(m.measured > 0);
    CHECK(m.flushed > 0);
    CHECK(m.underflow > 0);
    CHECK(m.flushed_inexact == 0);
    CHECK(m.sterbenz_inexact == 0);
    CHECK(m.final_error.error <= b.total);
    CHECK(m.before_narrowing.error <= b.B_w);
    CHECK(m.final_error.error > 0);
    CHECK(m.negative_side.error > 0);
    // Every valid input is classified once.
    CHECK(m.measured + m.flushed + m.underflow == all_float_values(d.narrow()).size());
  }
}

TEST_CASE("the budget with the log1p gap ignored is smaller than the honest one", "[softplus]") {
  const SoftplusDesign d = softplus_design(4);
  const SoftplusBudget honest = softplus_budget(d), ignored = softplus_budget(d, true);
  CHECK(honest.A > 0);
  CHECK(ignored.B_l < honest.B_l);
  CHECK(ignored.total < honest.total);
  CHECK(softplus_design(12).p1 == 16);
  CHECK_THROWS(softplus_design(13));
  CHECK_THROWS(softplus_design(1));
}

}  // namespace
}  // namespace tc
