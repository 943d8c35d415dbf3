// The Z3 lemma checker: proofs, refutations with witnesses, vacuity, and the tightest-bound search.
#include "lib/smt/bound_lemma.hpp"

#include <catch2/catch.hpp>

namespace tc {
namespace {

// For x in [lo, hi]: x^3 <= bound.
BoundLemma cube_lemma(mpq_class lo, mpq_class hi, mpq_class claimed) {
  BoundLemma l;
  l.name = "cube";
  l.statement = "x^3 <= bound on an interval";
  l.claimed = claimed;
  l.hypotheses = [lo, hi](z3::context& ctx) {
    const z3::expr x = ctx.real_const("x");
    return x >= z3_rational(ctx, lo) && x <= z3_rational(ctx, hi);
  };
  l.claim = [](z3::context& ctx, const z3::expr& bound) {
    const z3::expr x = ctx.real_const("x");
    return x * x * x <= bound;
  };
  return l;
}

TEST_CASE("a true bound is proved and its tightest value bracketed", "[lemma]") {
  const LemmaResult r = check_bound_lemma(cube_lemma(0, mpq_class(1, 2), 1));
  CHECK(r.verdict == LemmaVerdict::Proved);
  // The true maximum is 1/8 = 2^-3: bisection brackets it within 2^-8 relative.
  CHECK(r.tightest_bound.rfind("2^-3.00", 0) == 0);
  CHECK(r.failing_bound.rfind("2^-3.0", 0) == 0);
  CHECK(r.failing_bound.find("x = 0.") != std::string::npos);
}

TEST_CASE("a false bound is refuted with a witness that violates it", "[lemma]") {
  const LemmaResult r = check_bound_lemma(cube_lemma(0, 1, mpq_class(1, 2)));
  CHECK(r.verdict == LemmaVerdict::Refuted);
  REQUIRE(r.witness.rfind("x = ", 0) == 0);
  const double x = std::stod(r.witness.substr(4));
  CHECK(x * x * x > 0.5);
}

TEST_CASE("unsatisfiable hypotheses make a lemma refuted, not proved", "[lemma]") {
  const LemmaResult r = check_bound_lemma(cube_lemma(1, 0, 1));  // x >= 1 and x <= 0
  CHECK(r.verdict == LemmaVerdict::Refuted);
  CHECK(r.witness.find("vacuous") != std::string::npos);
}

}  // namespace
}  // namespace tc
