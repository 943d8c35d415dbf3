// The exp spec against its integer model, and the error lemmas against the MPFR measurement.
#include "specs/exp.hpp"

#include <catch2/catch.hpp>

#include "specs/exp_algorithm.hpp"
#include "specs/exp_lemmas.hpp"
#include "specs/exp_measure.hpp"
#include "specs/float_exact.hpp"
#include "tests/support/float_check.hpp"

namespace tc {
namespace {

Params exp_params(int p, const std::string& mutant = "") {
  Params params;
  params.p = p;
  params.mutant = mutant;
  return params;
}

TEST_CASE("the exp spec circuit equals the integer model on every input at p = 4 and 5", "[exp]") {
  for (int p : {4, 5}) {
    const FloatFormat f{p, p + 1};
    const ExpDesign d = exp_design(p);
    const auto values = all_float_values(f);
    const FloatCheckResult r =
        float_check(build_exp_spec(exp_params(p)), f, values.size(), float_all_singles(values),
                    [&](const std::vector<FloatValue>& in) -> std::vector<std::vector<bool>> {
                      return {float_to_bits(exp_model(in[0], d, f).z, f)};
                    });
    INFO("p = " << p << ": " << r.first_mismatch);
    CHECK(r.checked == values.size());
    CHECK(r.mismatches == 0);
  }
}

TEST_CASE("the exp model saturates, flushes and returns 1 where round_p(e^x) does", "[exp]") {
  const FloatFormat f{5, 6};
  const ExpDesign d = exp_design(5);
  CHECK(exp_model({false, 16, 1}, d, f).z == float_max(f));                // x = 32 >= 2^p
  CHECK(exp_model({true, 16, 1}, d, f).z == FloatValue{});                 // x = -32
  CHECK(exp_model({}, d, f).z == FloatValue{false, 16, -4});               // e^0 = 1
  CHECK(exp_model({true, 31, -20}, d, f).z == FloatValue{false, 16, -4});  // tiny x
}

TEST_CASE("the exp error lemmas prove at p = 4 and the measured worst case lies within them",
          "[exp]") {
  const std::vector<LemmaResult> results = exp_lemmas(exp_params(4));
  REQUIRE(results.size() ==
          10);  // range, error, taylor, steps 2..4, rounding, algorithm, end, measured
  for (const LemmaResult& r : results) {
    INFO(r.name << ": " << r.statement << " " << r.witness << " " << r.note);
    CHECK(r.verdict == LemmaVerdict::Proved);
    if (r.kind == LemmaKind::Z3) CHECK(r.failing_bound.find("fails at") != std::string::npos);
  }
  const ExpDesign d = exp_design(4);
  const ExpBudget b = exp_budget(d);
  const ExpMeasurement m = exp_measure(d, {4, 5});
  CHECK(m.exhaustive);
  CHECK(m.measured + m.outside == 513u);
  CHECK(m.final_error.error <= b.total);
  CHECK(m.algorithm_error.error <= b.delta);
  CHECK(m.final_error.error > mpq_class(1, 32));  // the final rounding is visible: not vacuous
}

TEST_CASE("one Taylor term too few makes the truncation lemma fail with a witness", "[exp]") {
  const std::vector<LemmaResult> results = exp_lemmas(exp_params(4, "series-one-term-short"));
  bool refuted = false;
  for (const LemmaResult& r : results)
    if (r.name == "exp.taylor.truncation") {
      refuted = r.verdict == LemmaVerdict::Refuted;
      CHECK(r.witness.find("r = ") != std::string::npos);
    }
  CHECK(refuted);
}

}  // namespace
}  // namespace tc
