// The discretization's lemma chain: proved at p = 2..4 (with exp's chain at p1), the lemma-level
// mutant refuted, the measurement inside the proved bounds, and the trusted fact (P) on a grid.
#include "specs/discretize_lemmas.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "specs/discretize.hpp"
#include "specs/discretize_measure.hpp"

namespace tc {
namespace {

Params zoh_params(int p, const std::string& mutant = "", bool euler = false) {
  Params params;
  params.p = p;
  params.N = 1;
  params.mutant = mutant;
  if (euler) params.flags.insert("euler");
  return params;
}

TEST_CASE("the discretize lemmas are proved at p = 2, 3 and 4 (euler at 4)",
          "[discretize][lemmas]") {
  for (int p = 2; p <= 4; ++p)
    for (bool euler : {false, true}) {
      if (euler && p != 4) continue;
      const std::vector<LemmaResult> results = discretize_lemmas(zoh_params(p, "", euler));
      for (const LemmaResult& r : results) {
        INFO("p = " << p << " euler = " << euler << ": " << r.name << ": " << r.statement << " "
                    << r.witness << " " << r.note);
        CHECK(r.verdict == LemmaVerdict::Proved);
        if (r.kind == LemmaKind::Z3 && r.name.rfind("discretize.", 0) == 0)
          CHECK_FALSE(r.failing_bound.empty());
      }
      CHECK(results.back().name == "discretize.measured");
    }
}

TEST_CASE("ignoring the cancellation makes phi.quotient fail", "[discretize][lemmas]") {
  for (int p = 2; p <= 4; ++p) {
    bool quotient_refuted = false;
    for (const LemmaResult& r : discretize_lemmas(zoh_params(p, "cancellation-ignored")))
      if (r.name == "discretize.phi.quotient")
        quotient_refuted = r.verdict == LemmaVerdict::Refuted;
    INFO("p = " << p);
    CHECK(quotient_refuted);
    const DiscretizeDesign d = discretize_design(zoh_params(p));
    CHECK(discretize_budget(d, true).Q < discretize_budget(d).Q);
  }
}

// At p = 4 the chain above checks the same bounds through discretize.measured.
TEST_CASE("the discretize measurement stays within the proved bounds at p = 3",
          "[discretize][lemmas]") {
  for (int p : {3}) {
    INFO("p = " << p);
    const DiscretizeDesign d = discretize_design(zoh_params(p));
    const DiscretizeBudget b = discretize_budget(d);
    const DiscretizeMeasurement m = discretize_measure(d, b.Z);
    CHECK(m.exhaustive);
    CHECK(m.pairs > 100);
    CHECK(m.points == m.pairs * 4);  // every pair with every significand of b
    CHECK(m.z_inexact == 0);         // p1 = p + 4 >= 2p
    CHECK(m.abar.error > 0);
    CHECK(m.abar.error <= b.A);
    CHECK(m.phi.error <= b.Phi_x);
    CHECK(m.bbar.error <= b.B);
  }
}

TEST_CASE("trusted fact (P): the derivative of ln phi lies in 0 < d <= 1/2 on z <= 0",
          "[discretize][lemmas]") {
  // (ln phi)'(z) = e^z / (e^z - 1) - 1/z; at z -> 0 it tends to 1/2.
  for (double z = -40; z < -1e-3; z += 1e-3) {
    const double g = std::exp(z) / std::expm1(z) - 1 / z;
    INFO("z = " << z);
    REQUIRE(g > 0);
    REQUIRE(g <= 0.5);
  }
}

}  // namespace
}  // namespace tc
