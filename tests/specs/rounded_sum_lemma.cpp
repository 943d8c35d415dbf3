// The error bound of the step-by-step rounded sum: Z3 steps, composition, exhaustive worst case.
#include "specs/rounded_sum_lemma.hpp"

#include <catch2/catch.hpp>

#include "specs/float_exact.hpp"

namespace tc {
namespace {

TEST_CASE("the integer rounding of the measurement agrees with round_to_float", "[lemma]") {
  const FloatFormat f{4, 5};
  for (int64_t v = -800; v <= 800; ++v) {
    const FloatValue r = round_to_float(mpq_class(v, 16), f);
    CHECK(value(r) * 16 == mpq_class(round_integer_nearest_even(v, 4)));
  }
}

TEST_CASE("gamma_(n-1) bounds the step-by-step rounded sum: Z3 and exhaustive", "[lemma]") {
  Params params;
  params.p = 4;
  params.n = 3;
  const std::vector<LemmaResult> results = rounded_sum_lemmas(params);
  REQUIRE(results.size() == 4);  // steps 2 and 3, the composed claim, the measurement
  for (const auto& r : results) CHECK(r.verdict == LemmaVerdict::Proved);
  // Exhaustive worst case at p = 4, n = 3 lies below gamma_2 = 2/14, and is far from zero.
  const RoundedSumWorstCase worst = rounded_sum_worst_case();
  CHECK(worst.triples == 145u * 145u * 145u);
  CHECK(worst.ratio <= gamma_bound(2, 4));
  CHECK(worst.ratio > mpq_class(1, 32));
}

TEST_CASE("each step bound is nearly tight: a slightly smaller bound is refuted", "[lemma]") {
  Params params;
  params.p = 8;
  params.n = 8;
  const std::vector<LemmaResult> results = rounded_sum_lemmas(params);
  REQUIRE(results.size() == 9);
  for (size_t k = 0; k < 7; ++k) {
    CHECK(results[k].verdict == LemmaVerdict::Proved);
    CHECK(results[k].failing_bound.find("fails at") != std::string::npos);
  }
  CHECK(results[7].verdict == LemmaVerdict::Proved);
}

}  // namespace
}  // namespace tc
