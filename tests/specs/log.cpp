// Tests of the log spec, its fast model, the Z3 lemmas and the MPFR measurement.
#include "specs/log.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "lib/float_word.hpp"
#include "specs/float_exact.hpp"
#include "specs/log_lemmas.hpp"
#include "specs/log_measure.hpp"
#include "specs/log_model.hpp"
#include "tests/support/float_check.hpp"

using namespace tc;

namespace {

Params log_params(int p, const std::string& mutant = "") {
  Params params;
  params.p = p;
  params.mutant = mutant;
  return params;
}

FloatOracle model_oracle(const LogModel& model, FloatFormat f) {
  return [&model, f](const std::vector<FloatValue>& in) -> std::vector<std::vector<bool>> {
    const LogModelResult r = model.evaluate(in[0]);
    return {float_to_bits(r.z, f), {r.domain_error}};
  };
}

const LemmaResult& lemma(const std::vector<LemmaResult>& results, const std::string& name) {
  for (const auto& r : results)
    if (r.name == name) return r;
  FAIL("no lemma " << name);
  return results.front();
}

}  // namespace

TEST_CASE("the fast log model equals the spec circuit on every input at p = 4 and 5", "[log]") {
  for (int p : {4, 5}) {
    const FloatFormat f{p, p + 1};
    const LogModel model(f);
    const auto values = all_float_values(f);
    const FloatCheckResult r = float_check(build_log_spec(log_params(p)), f, values.size(),
                                           float_all_singles(values), model_oracle(model, f));
    INFO(r.first_mismatch);
    CHECK(r.checked == values.size());
    CHECK(r.mismatches == 0);
  }
}

TEST_CASE("the fast log model equals the spec circuit on every positive input at p = 8",
          "[log][.slow]") {
  const FloatFormat f{8, 9};
  const LogModel model(f);
  const auto values = all_float_values(f);
  const FloatCheckResult r = float_check(build_log_spec(log_params(8)), f, values.size(),
                                         float_all_singles(values), model_oracle(model, f));
  INFO(r.first_mismatch);
  CHECK(r.mismatches == 0);
}

TEST_CASE("log model: ln 1 = 0 exactly, x <= 0 is a domain error, ln 2 is rounded", "[log]") {
  const FloatFormat f{6, 7};
  const LogModel model(f);
  const LogModelResult one = model.evaluate({false, 32, -5});
  CHECK_FALSE(one.domain_error);
  CHECK(one.l == 0);
  CHECK(one.z == FloatValue{});
  CHECK(model.evaluate({}).domain_error);
  CHECK(model.evaluate({true, 40, 0}).domain_error);
  // x = 2: k = 1, t = 0, so L = LN2 and z = round_6(ln 2) = 44 * 2^-6 (0.6875; ln 2 = 0.6931).
  const LogModelResult two = model.evaluate({false, 32, -4});
  CHECK(two.l == model.ln2());
  CHECK(two.z == FloatValue{false, 44, -6});
  CHECK(log_ln2_fixed(10) == 710);  // 0.693147 * 1024 = 709.78
  CHECK(log_ln2_fixed(20) == 726817);
}

TEST_CASE("log lemmas hold at p = 4 and each is non-vacuous", "[log][lemma]") {
  const std::vector<LemmaResult> results = log_lemmas(log_params(4));
  REQUIRE(results.size() == 7);
  for (const auto& r : results) {
    INFO(r.name << ": " << r.statement << " / " << r.witness);
    CHECK(r.verdict == LemmaVerdict::Proved);
    if (r.kind == LemmaKind::Z3) CHECK(r.failing_bound.find("fails at") != std::string::npos);
  }
}

TEST_CASE("the measured log error at p = 4 and 5 lies within the Z3-proved bounds",
          "[log][lemma]") {
  for (int p : {4, 5}) {
    INFO("p = " << p);
    const LogDesign d = log_design(p);
    const LogMeasurement m = log_measure({p, p + 1}, d);
    CHECK(m.exhaustive);
    CHECK(m.inputs == (uint64_t{1} << (p - 1)) * (uint64_t{1} << (p + 1)));
    CHECK(m.one_exact);
    CHECK(m.above_end_to_end == 0);
    CHECK(m.above_pre == 0);
    CHECK(m.worst <= d.end_to_end_bound().get_d());
    CHECK(m.worst_pre <= d.pre_rounding_bound().get_d());
    // The final rounding dominates: the worst case is close to half an ulp, not far below it.
    CHECK(m.worst > std::ldexp(1.0, -p - 1));
  }
}

TEST_CASE("log lemma-level mutants make a lemma fail with Z3's witness", "[log][lemma][mutant]") {
  {
    const auto results = log_lemmas(log_params(4, "taylor-terms-short"));
    const LemmaResult& r = lemma(results, "log.truncation");
    CHECK(r.verdict == LemmaVerdict::Refuted);
    CHECK(r.witness.find("t = ") != std::string::npos);
    CHECK(lemma(results, "log.rounding").verdict == LemmaVerdict::Proved);
  }
  {
    const auto results = log_lemmas(log_params(4, "working-precision-short"));
    const LemmaResult& r = lemma(results, "log.rounding");
    CHECK(r.verdict == LemmaVerdict::Refuted);
    CHECK(r.witness.find("rho_2 = ") != std::string::npos);
    CHECK(lemma(results, "log.truncation").verdict == LemmaVerdict::Proved);
  }
}
