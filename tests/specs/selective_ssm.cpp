// selective-ssm's lemmas and real-valued layer: the Z3 chain proves, the measurement stays in
// the bound at p = 3, and the MPFR layer matches hand-computed values.
#include "specs/selective_ssm.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <set>

#include "specs/selective_ssm_lemmas.hpp"
#include "specs/ssm_layer_real.hpp"

namespace tc {
namespace {

Params ssm_params(int p, std::set<std::string> flags = {}) {
  Params params;
  params.p = p, params.L = 2, params.N = 1, params.D = 1;
  params.flags = flags;
  return selective_ssm_with_default_weights(params);
}

void check_chain(const Params& params) {
  const std::vector<LemmaResult> results = selective_ssm_lemmas(params);
  REQUIRE(results.size() >= 8);
  for (const LemmaResult& r : results) {
    INFO(r.name << ": " << r.statement << " " << r.witness);
    CHECK(r.verdict == LemmaVerdict::Proved);
    if (r.kind == LemmaKind::Z3) CHECK_FALSE(r.failing_bound.empty());
  }
  CHECK(results.back().kind == LemmaKind::Measurement);
}

TEST_CASE("the selective-ssm lemma chain proves and the measurement lies within it at p = 3",
          "[selective-ssm][lemmas]") {
  check_chain(ssm_params(3));
}

TEST_CASE("the selective-ssm lemma chain proves at p = 2 (smaller domain) and with the options",
          "[selective-ssm][lemmas]") {
  check_chain(ssm_params(2));
  check_chain(ssm_params(2, {"skip", "euler"}));
  // The gate's z inputs make the space too large to enumerate: the sampled measurement must keep
  // its floats inside p = 2's exponent range.
  check_chain(ssm_params(2, {"gate", "skip"}));
}

TEST_CASE("the selective-ssm budget shrinks with p and grows with the options",
          "[selective-ssm][lemmas]") {
  const mpq_class at3 = selective_ssm_budget(ssm_params(3)).total;
  const mpq_class at5 = selective_ssm_budget(ssm_params(5)).total;
  CHECK(at5 < at3);
  CHECK(selective_ssm_budget(ssm_params(4, {"skip", "gate"})).total >
        selective_ssm_budget(ssm_params(4)).total);
}

TEST_CASE("the real-valued selective SSM matches a hand computation", "[selective-ssm]") {
  // x = (1, 0): B = 0.75, C = 1.5, v = 1, Delta = ln(1 + e), Abar = e^-Delta,
  // Bbar (euler) = Delta 0.75; y_0 = C Bbar x_0, y_1 = C_1 (Abar_1 h_0) with C_1 = 0.
  SsmLayerInput in;
  in.euler = true;
  in.x = {{mpq_class(1)}, {mpq_class(0)}};
  in.w = {{"W_B", {mpq_class(3, 4)}},
          {"W_C", {mpq_class(3, 2)}},
          {"W_delta", {mpq_class(3, 2)}},
          {"b_delta", {mpq_class(-1, 2)}},
          {"A", {mpq_class(-1)}}};
  const SsmLayerTrace tr = selective_ssm_real(in);
  const double delta = std::log1p(std::exp(1.0));
  CHECK(tr.y[0][0].get_d() == Approx(1.5 * delta * 0.75));
  CHECK(tr.y[1][0] == 0);
  CHECK(tr.magnitude[0][0].get_d() == Approx(1.5 * delta * 0.75));
  // The zero-order hold: Bbar = (e^(-Delta) - 1) / (-Delta) Delta B.
  in.euler = false;
  const SsmLayerTrace zoh = selective_ssm_real(in);
  CHECK(zoh.y[0][0].get_d() == Approx(1.5 * (1 - std::exp(-delta)) * 0.75));
}

}  // namespace
}  // namespace tc
