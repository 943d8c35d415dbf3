// Tests of the fprod and hadamard constructions (circuits/float_prod.cpp, float_hadamard.cpp):
// equal to their specs on every input of tiny formats, equal to the exact evaluator on directed
// points at wider ones (past n p = 56 through the wide CRT product), threshold-only with a depth
// that is the same at every n and p on each side of n p = 56, and every mutant refuted by
// `verify` with a replayed counterexample.
#include "circuits/float_prod.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "lib/analysis.hpp"
#include "lib/float_word.hpp"
#include "lib/simulate.hpp"
#include "specs/float_exact_prod.hpp"
#include "tests/support/float_check.hpp"
#include "tests/support/mutant_check.hpp"
#include "tests/support/run_verify.hpp"
#include "verify/registry.hpp"

using namespace tc;
using tc::test::check_mutant_refuted;
using tc::test::run_verify;

namespace {

const Component& component(const std::string& name) {
  const Component* c = find_component(name);
  REQUIRE(c != nullptr);
  return *c;
}

Params params_at(FloatFormat f, int n, const std::string& mutant = "") {
  Params params = float_params(f);
  params.n = n;
  params.mutant = mutant;
  return params;
}

FloatOracle prod_oracle(FloatFormat f) {
  return [f](const std::vector<FloatValue>& in) -> std::vector<std::vector<bool>> {
    return {float_to_bits(exact_prod(in, f), f)};
  };
}

FloatOracle hadamard_oracle(FloatFormat f) {
  return [f](const std::vector<FloatValue>& in) -> std::vector<std::vector<bool>> {
    const size_t n = in.size() / 2;
    const std::vector<FloatValue> xs(in.begin(), in.begin() + n), ys(in.begin() + n, in.end());
    std::vector<std::vector<bool>> out;
    for (const FloatValue& z : exact_hadamard(xs, ys, f)) out.push_back(float_to_bits(z, f));
    return out;
  };
}

// Random operands; every second point aims a product's exponent at an edge (saturation,
// underflow to min or 0) through its last factor: for fprod the last operand, for hadamard
// each y_i against x_i.
FloatCaseGenerator directed(FloatSampler& s, FloatFormat f, int arity, bool hadamard) {
  return [&s, f, arity, hadamard](uint64_t index, std::vector<FloatValue>& in) {
    in.clear();
    for (int i = 0; i < arity; ++i) in.push_back(s.any());
    if (index % 2 == 0) return;
    const int64_t targets[5] = {f.emax(), f.emin(), f.emin() - 1, f.emin() - f.p, -f.p};
    const int half = arity / 2;
    for (int i = 0; i < (hadamard ? half : 1); ++i) {
      FloatValue& last = hadamard ? in[half + i] : in.back();
      int64_t rest = f.p - 1;
      if (hadamard)
        rest += in[i].exponent;
      else
        for (int j = 0; j + 1 < arity; ++j) rest += in[j].exponent + (j > 0 ? f.p - 1 : 0);
      const int64_t target = targets[s.below(5)] + static_cast<int64_t>(s.below(5)) - 2;
      if (last.magnitude != 0) last = s.with_exponent(target - rest, s.coin());
    }
  };
}

}  // namespace

TEST_CASE("fprod construction matches its spec on every input of tiny formats", "[fprod]") {
  const Component& comp = component("fprod");
  for (auto [f, n] : {std::pair{FloatFormat{2, 2}, 4}, {FloatFormat{3, 3}, 3}}) {
    INFO("p = " << f.p << ", e = " << f.e << ", n = " << n);
    const CompareResult r =
        compare_by_simulation(comp.construction(params_at(f, n)), comp.spec(params_at(f, n)), {});
    CHECK(r.complete);
    CHECK_FALSE(r.difference.has_value());
  }
}

// Directed points at (p, n) against the exact evaluator; returns the construction's depth.
static int fprod_depth_on_directed_points(int p, int n, const std::set<std::string>& flags = {}) {
  INFO("p = " << p << ", n = " << n << (flags.empty() ? "" : ", wide-crt"));
  const FloatFormat f{p, p + 1};
  Params params = params_at(f, n);
  params.flags = flags;
  const Circuit c = component("fprod").construction(params);
  CHECK(c.is_threshold_only());
  FloatSampler s(f, 5 + n);
  const FloatCheckResult r = float_check(c, f, 1 << 9, directed(s, f, n, false), prod_oracle(f));
  INFO(r.first_mismatch);
  CHECK(r.mismatches == 0);
  return analyze(c).depth;
}

TEST_CASE(
    "fprod construction equals the exact evaluator on directed points, in depth 9 for n p <= 56",
    "[fprod][depth]") {
  std::set<int> depths;
  for (auto [p, n] : {std::pair{3, 2}, {4, 8}, {6, 3}, {6, 5}, {8, 4}, {8, 6}, {12, 4}, {14, 4}}) {
    CHECK_FALSE(float_prod_uses_wide_crt(params_at({p, p + 1}, n)));
    depths.insert(fprod_depth_on_directed_points(p, n));
  }
  CHECK(depths == std::set<int>{9});
}

TEST_CASE(
    "fprod past n p = 56 (and with wide-crt) takes the wide CRT product: exact on directed "
    "points, depth 14, weights as small as the rounding's",
    "[fprod][depth]") {
  std::set<int> depths;
  for (auto [p, n] : {std::pair{8, 8}, {12, 5}, {16, 4}, {10, 6}}) {
    CHECK(float_prod_uses_wide_crt(params_at({p, p + 1}, n)));
    depths.insert(fprod_depth_on_directed_points(p, n));
  }
  CHECK_FALSE(float_prod_uses_wide_crt(params_at({7, 8}, 8)));  // 56 bits: the narrow one fits
  for (auto [p, n] : {std::pair{4, 3}, {6, 5}})
    depths.insert(fprod_depth_on_directed_points(p, n, {"wide-crt"}));
  CHECK(depths == std::set<int>{14});
  // The largest weights are the rounding's (exponent sums, 2^e), not the product's.
  CHECK(analyze(component("fprod").construction(params_at({12, 13}, 5))).max_weight < (1 << 18));
}

TEST_CASE("verify proves fprod at p = 4, n = 3", "[fprod][cli]") {
  const auto r = run_verify("--component fprod --p 4 --n 3 --json");
  CHECK(r.exit_code == 0);
  CHECK(nlohmann::json::parse(r.out)["verdict"] == "proved");
}

TEST_CASE("verify proves fprod with the wide CRT product at p = 4, n = 3", "[fprod][cli]") {
  const auto r = run_verify("--component fprod --p 4 --n 3 --wide-crt --json");
  CHECK(r.exit_code == 0);
  CHECK(nlohmann::json::parse(r.out)["verdict"] == "proved");
}

TEST_CASE("verify proves fprod at p = 6, n = 3", "[fprod][cli][.slow]") {
  const auto r = run_verify("--component fprod --p 6 --n 3 --json");
  CHECK(r.exit_code == 0);
  CHECK(nlohmann::json::parse(r.out)["verdict"] == "proved");
}

TEST_CASE("every fprod mutant ends in a replayed counterexample at p = 3, n = 3",
          "[fprod][cli][mutant]") {
  const Component& comp = component("fprod");
  CHECK(comp.mutants.size() >= 3);
  for (const Mutant& m : comp.mutants)
    for (const char* engine : {"sim", "sat"})
      check_mutant_refuted(comp, std::string("--p 3 --n 3 --engine ") + engine, m);
}

TEST_CASE("every fprod mutant with the wide CRT product ends in a replayed counterexample",
          "[fprod][cli][mutant]") {
  const Component& comp = component("fprod");
  for (const Mutant& m : comp.mutants)
    check_mutant_refuted(comp, "--p 3 --n 3 --wide-crt --engine sat", m);
}

TEST_CASE("hadamard construction matches its spec on every input of a tiny format", "[hadamard]") {
  const Component& comp = component("hadamard");
  const FloatFormat f{2, 2};
  const CompareResult r =
      compare_by_simulation(comp.construction(params_at(f, 2)), comp.spec(params_at(f, 2)), {});
  CHECK(r.complete);
  CHECK_FALSE(r.difference.has_value());
}

TEST_CASE("hadamard construction equals the exact evaluator on directed vectors", "[hadamard]") {
  for (auto [f, n] :
       {std::pair{FloatFormat{4, 5}, 2}, {FloatFormat{8, 9}, 4}, {FloatFormat{12, 13}, 3}}) {
    INFO("p = " << f.p << ", n = " << n);
    const Circuit c = component("hadamard").construction(params_at(f, n));
    FloatSampler s(f, 9 + n);
    const FloatCheckResult r =
        float_check(c, f, 1 << 12, directed(s, f, 2 * n, true), hadamard_oracle(f));
    INFO(r.first_mismatch);
    CHECK(r.mismatches == 0);
  }
}

TEST_CASE("hadamard construction is threshold-only with depth 7 at every n and p",
          "[hadamard][depth]") {
  std::set<int> depths;
  for (int p : {4, 8, 12, 16})
    for (int n : {2, 8}) {
      const Circuit c = component("hadamard").construction(params_at({p, p + 1}, n));
      CHECK(c.is_threshold_only());
      depths.insert(analyze(c).depth);
    }
  CHECK(depths == std::set<int>{7});
}

TEST_CASE("verify proves hadamard at its defaults", "[hadamard][cli]") {
  const auto r = run_verify("--component hadamard --json");
  CHECK(r.exit_code == 0);
  CHECK(nlohmann::json::parse(r.out)["verdict"] == "proved");
}

TEST_CASE("every hadamard mutant ends in a replayed counterexample at p = 3, n = 2",
          "[hadamard][cli][mutant]") {
  const Component& comp = component("hadamard");
  CHECK(comp.mutants.size() >= 3);
  for (const Mutant& m : comp.mutants) check_mutant_refuted(comp, "--p 3 --n 2 --engine sat", m);
}
