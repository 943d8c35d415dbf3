// Tests of the registered float components (fadd, fmul, fcmp, ffloor, fdiv): each construction
// equals its spec on every input at p = 3 and 4 and on random inputs at p = 6 and 8, equals the
// exact evaluator (specs/float_exact.hpp) on every pair at p = 4 and on directed points at p = 8,
// is threshold-only with the same depth at p = 4, 8, 12 and 16, and every mutant is refuted at
// p = 4 (exhaustively, against the spec) and at p = 8 (directed points, against the evaluator).
#include <catch2/catch.hpp>
#include <memory>
#include <set>
#include <string>

#include "lib/analysis.hpp"
#include "lib/float_word.hpp"
#include "lib/simulate.hpp"
#include "specs/float_exact.hpp"
#include "tests/support/float_check.hpp"
#include "tests/support/replay.hpp"
#include "verify/registry.hpp"

using namespace tc;

namespace {

const std::vector<std::string> kFloatComponents = {"fadd", "fmul", "fcmp", "ffloor", "fdiv"};

const Component& component(const std::string& name) {
  const Component* c = find_component(name);
  REQUIRE(c != nullptr);
  return *c;
}

Params params_at(int p, const std::string& mutant = "") {
  Params params;
  params.p = p;
  params.mutant = mutant;
  return params;
}

// A mutant at p with the options it shows under (fdiv's thermometer-not-one-hot: --thermometer).
Params mutant_params(const Component& comp, int p, const Mutant& m) {
  Params params = params_at(p, m.name);
  test::apply_options(comp, params, m.shows_with);
  return params;
}

// The exact evaluator's answer for every output word, in the circuits' order.
FloatOracle exact_oracle(const std::string& name, FloatFormat f) {
  return [name, f](const std::vector<FloatValue>& in) -> std::vector<std::vector<bool>> {
    if (name == "fadd") return {float_to_bits(exact_add(in[0], in[1], f), f)};
    if (name == "fmul") return {float_to_bits(exact_mul(in[0], in[1], f), f)};
    if (name == "ffloor") return {float_to_bits(exact_floor(in[0], f), f)};
    if (name == "fcmp") return {{exact_le(in[0], in[1])}, {exact_eq(in[0], in[1])}};
    const DivResult d = exact_div(in[0], in[1], f);
    return {float_to_bits(d.z, f), {d.div_by_zero}};
  };
}

// Points that reach the interesting cases: operands whose exponents differ by at most p + 3
// (alignment, cancellation, ties), exponent sums and differences near emax and emin (saturation,
// underflow to 0 or min), and the sampler's edge values (zero, 2^(p-1), 2^p - 1).
FloatCaseGenerator directed_points(FloatFormat f, int inputs, uint64_t seed) {
  auto sampler = std::make_shared<FloatSampler>(f, seed);
  return [sampler, f, inputs](uint64_t index, std::vector<FloatValue>& in) {
    FloatSampler& s = *sampler;
    FloatValue x = s.any(), y = s.any();
    if (inputs == 2 && x.magnitude != 0) {
      const int64_t near = static_cast<int64_t>(s.below(2 * f.p + 7)) - (f.p + 3);
      switch (index % 4) {
        case 0:
          y = s.with_exponent(x.exponent - near, s.coin());
          break;  // x +- y, near
        case 1:
          y = s.with_exponent(f.emax() - f.p - x.exponent + near, s.coin());
          break;  // x*y big
        case 2:
          y = s.with_exponent(x.exponent - f.emax() + near, s.coin());
          break;  // x/y big
        default:
          break;
      }
      if (index % 8 == 7) x = {s.coin(), uint64_t{1} << (f.p - 1), x.exponent};  // powers of two
      if (index % 16 == 11) y = {!x.negative, x.magnitude, x.exponent};          // y = -x
    }
    in.assign({x, y});
    in.resize(inputs);
  };
}

FloatCheckResult check_against_exact(const Circuit& c, const std::string& name, FloatFormat f,
                                     uint64_t points, uint64_t seed) {
  return float_check(c, f, points,
                     directed_points(f, static_cast<int>(c.input_words().size()), seed),
                     exact_oracle(name, f));
}

}  // namespace

TEST_CASE("float constructions match their specs on every input at p = 3 and 4",
          "[float-circuits]") {
  for (const std::string& name : kFloatComponents)
    for (int p : {3, 4}) {
      const Component& comp = component(name);
      INFO(name << " at p = " << p);
      const CompareResult r =
          compare_by_simulation(comp.construction(params_at(p)), comp.spec(params_at(p)), {});
      CHECK(r.complete);
      CHECK_FALSE(r.difference.has_value());
    }
}

TEST_CASE("float constructions match their specs on 2000 random rounds at p = 6 and 8",
          "[float-circuits]") {
  for (const std::string& name : kFloatComponents)
    for (int p : {6, 8}) {
      const Component& comp = component(name);
      INFO(name << " at p = " << p);
      CompareParams cp;
      cp.random_rounds = 2000;
      const CompareResult r =
          compare_by_simulation(comp.construction(params_at(p)), comp.spec(params_at(p)), cp);
      CHECK_FALSE(r.difference.has_value());
      CHECK(r.valid_points > 0);
    }
}

TEST_CASE(
    "float constructions equal the exact evaluator on every pair at p = 4 and on directed "
    "points at p = 8",
    "[float-circuits]") {
  for (const std::string& name : kFloatComponents) {
    const Component& comp = component(name);
    {
      const FloatFormat f{4, 5};
      const Circuit c = comp.construction(params_at(4));
      const auto values = all_float_values(f);
      const bool unary = c.input_words().size() == 1;
      const uint64_t n = unary ? values.size() : values.size() * values.size();
      const FloatCheckResult r =
          float_check(c, f, n, unary ? float_all_singles(values) : float_all_pairs(values),
                      exact_oracle(name, f));
      INFO(r.first_mismatch);
      CHECK(r.checked == n);
      CHECK(r.mismatches == 0);
    }
    {
      const FloatFormat f{8, 9};
      const FloatCheckResult r =
          check_against_exact(comp.construction(params_at(8)), name, f, 1 << 16, 11);
      INFO(r.first_mismatch);
      CHECK(r.mismatches == 0);
    }
  }
}

TEST_CASE("float constructions and their mutants are threshold-only", "[float-circuits]") {
  for (const std::string& name : kFloatComponents) {
    const Component& comp = component(name);
    INFO(name);
    CHECK(comp.construction(params_at(4)).is_threshold_only());
    for (const Mutant& m : comp.mutants) {
      INFO("mutant " << m.name);
      CHECK(comp.construction(params_at(4, m.name)).is_threshold_only());
    }
  }
}

TEST_CASE("float construction depth is the same at p = 4, 8, 12 and 16",
          "[float-circuits][depth]") {
  for (const std::string& name : kFloatComponents) {
    const Component& comp = component(name);
    if (!comp.depth_note.empty()) continue;
    std::set<int> depths;
    for (int p : {4, 8, 12, 16}) depths.insert(analyze(comp.construction(params_at(p))).depth);
    INFO(name);
    CHECK(depths.size() == 1);
  }
}

TEST_CASE("every float component has at least four mutants with distinct names",
          "[float-circuits]") {
  for (const std::string& name : kFloatComponents) {
    const Component& comp = component(name);
    INFO(name);
    CHECK(comp.mutants.size() >= 4);
    std::set<std::string> names;
    for (const Mutant& m : comp.mutants) CHECK(names.insert(m.name).second);
  }
}

TEST_CASE("every float mutant differs from the spec on some input at p = 4",
          "[float-circuits][mutant]") {
  for (const std::string& name : kFloatComponents) {
    const Component& comp = component(name);
    const Circuit spec = comp.spec(params_at(4));
    for (const Mutant& m : comp.mutants) {
      INFO(name << " mutant " << m.name);
      CHECK(compare_by_simulation(comp.construction(mutant_params(comp, 4, m)), spec, {})
                .difference.has_value());
    }
  }
}

TEST_CASE("every float mutant is refuted by directed points at p = 8", "[float-circuits][mutant]") {
  for (const std::string& name : kFloatComponents) {
    const Component& comp = component(name);
    for (const Mutant& m : comp.mutants) {
      INFO(name << " mutant " << m.name);
      const FloatCheckResult r = check_against_exact(comp.construction(mutant_params(comp, 8, m)),
                                                     name, {8, 9}, 1 << 13, 5);
      CHECK(r.mismatches > 0);
    }
  }
}
