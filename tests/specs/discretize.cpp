// The discretization spec and phi's spec against their fast models, the ZOH limits at a = 0 and
// Delta = 0, the reference evaluator. The measurement against the proved bounds is in the lemma
// tests below; the Z3 chain itself runs in tests/specs/discretize_lemmas.cpp.
#include "specs/discretize.hpp"

#include <catch2/catch.hpp>

#include "lib/simulate.hpp"
#include "specs/discretize_measure.hpp"
#include "specs/expm1_ratio.hpp"
#include "specs/float_exact.hpp"
#include "tests/support/float_check.hpp"

namespace tc {
namespace {

Params zoh_params(int p, int N, bool euler = false) {
  Params params;
  params.p = p;
  params.N = N;
  if (euler) params.flags.insert("euler");
  return params;
}

TEST_CASE("the expm1_ratio spec circuit equals its model on every input at q = 4..7",
          "[discretize]") {
  for (int q = 4; q <= 7; ++q) {
    const Expm1RatioDesign d = expm1_ratio_design(q);
    const FloatFormat f = d.format();
    const auto values = all_float_values(f);
    const FloatCheckResult r = float_check(
        build_expm1_ratio_spec(float_params(f)), f, values.size(), float_all_singles(values),
        [&](const std::vector<FloatValue>& in) -> std::vector<std::vector<bool>> {
          return {float_to_bits(expm1_ratio_model(in[0], d), f)};
        });
    INFO("q = " << q << ": " << r.first_mismatch);
    CHECK(r.checked == values.size());
    CHECK(r.mismatches == 0);
  }
}

TEST_CASE("the discretize spec circuit equals its model on every input at p = 2, N = 1",
          "[discretize]") {
  for (bool euler : {false, true}) {
    const DiscretizeDesign d = discretize_design(zoh_params(2, 1, euler));
    const FloatFormat f = d.narrow();
    const auto values = all_float_values(f);
    const uint64_t n = values.size();
    const FloatCheckResult r = float_check(
        build_discretize_spec(zoh_params(2, 1, euler)), f, n * n * n,
        [&](uint64_t i, std::vector<FloatValue>& in) {
          in = {values[i / (n * n)], values[(i / n) % n], values[i % n]};
        },
        [&](const std::vector<FloatValue>& in) -> std::vector<std::vector<bool>> {
          const DiscretizeTrace t = discretize_model(in[0], in[1], in[2], d);
          return {float_to_bits(t.abar, f), float_to_bits(t.bbar, f)};
        });
    INFO("euler = " << euler << ": " << r.first_mismatch);
    CHECK(r.checked == n * n * n);
    CHECK(r.mismatches == 0);
  }
}

TEST_CASE("the discretize spec circuit equals its model on sampled inputs at p = 4, N = 2",
          "[discretize]") {
  const DiscretizeDesign d = discretize_design(zoh_params(4, 2));
  const FloatFormat f = d.narrow();
  FloatSampler sampler(f, 7);
  const FloatCheckResult r = float_check(
      build_discretize_spec(zoh_params(4, 2)), f, 3000,
      [&](uint64_t, std::vector<FloatValue>& in) {
        in.clear();
        for (int k = 0; k < 5; ++k)
          in.push_back(sampler.coin()
                           ? sampler.any()
                           : sampler.with_exponent(-static_cast<int64_t>(sampler.below(8)),
                                                   k >= 1 && k <= 2));
      },
      [&](const std::vector<FloatValue>& in) -> std::vector<std::vector<bool>> {
        std::vector<std::vector<bool>> out(4);
        for (int i = 0; i < 2; ++i) {
          const DiscretizeTrace t = discretize_model(in[0], in[1 + i], in[3 + i], d);
          out[i] = float_to_bits(t.abar, f);
          out[2 + i] = float_to_bits(t.bbar, f);
        }
        return out;
      });
  INFO(r.first_mismatch);
  CHECK(r.mismatches == 0);
}

TEST_CASE("a = 0 and Delta = 0 give the ZOH limits exactly", "[discretize]") {
  for (int p = 2; p <= 3; ++p) {  // p1 >= 2p: Delta b is exact at p1, one rounding in all
    const DiscretizeDesign d = discretize_design(zoh_params(p, 1));
    const FloatFormat f = d.narrow();
    const auto values = all_float_values(f);
    const FloatValue one = round_to_float(1, f);
    for (const FloatValue& delta : values)
      for (const FloatValue& b : values) {
        const DiscretizeTrace t = discretize_model(delta, {}, b, d);  // a = 0
        INFO("p = " << p << ", delta = " << float_to_string(delta)
                    << ", b = " << float_to_string(b));
        REQUIRE(t.abar == one);
        REQUIRE(t.phi == round_to_float(1, d.wide()));
        REQUIRE(t.bbar == exact_mul(delta, b, f));  // round_p(Delta b)
      }
    for (const FloatValue& a : values)
      for (const FloatValue& b : values) {
        const DiscretizeTrace t = discretize_model({}, a, b, d);  // Delta = 0
        REQUIRE(t.abar == one);
        REQUIRE(t.bbar == FloatValue{});
      }
  }
}

TEST_CASE("the discretize reference prints e^(Delta a), the ZOH and the Euler value",
          "[discretize]") {
  const Params params = zoh_params(4, 1);
  const FloatFormat f{4, 5};
  // delta = 0.5, a = -1, b = 1: e^-0.5 = 0.6065, ZOH = (1 - e^-0.5) = 0.3935, Euler 0.5.
  const std::vector<std::vector<bool>> in = {float_to_bits({false, 8, -4}, f),
                                             float_to_bits({true, 8, -3}, f),
                                             float_to_bits({false, 8, -3}, f)};
  const std::vector<std::string> lines = discretize_reference(params, in);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].find("Delta a = -1/2") != std::string::npos);
  CHECK(lines[0].find("0.6065306597") != std::string::npos);
  CHECK(lines[1].find("0.39346934") != std::string::npos);
  INFO(lines[0] << "\n" << lines[1]);
  CHECK(lines[1].find("Bbar = 13 * 2^-5") != std::string::npos);
  CHECK(lines[1].find("Euler Delta b = 0.5") != std::string::npos);
}

TEST_CASE("the discretize reference names the spec circuit's outputs as the algorithm's",
          "[discretize]") {
  for (bool euler : {false, true}) {
    const Params params = zoh_params(3, 2, euler);
    const FloatFormat f{3, 4};
    const Circuit spec = build_discretize_spec(params);
    FloatSampler sampler(f, 11);
    for (int k = 0; k < 40; ++k) {
      std::vector<std::vector<bool>> words;
      Assignment in(spec.input_nodes().size());
      for (const Word& w : spec.input_words()) {
        const FloatValue v =
            sampler.with_exponent(-static_cast<int64_t>(sampler.below(5)), w.name[0] == 'a');
        set_float_input(spec, in, w.name, v, f);
        words.push_back(float_to_bits(v, f));
      }
      const auto out = simulate_outputs(spec, in);
      const std::vector<std::string> lines = discretize_reference(params, words);
      REQUIRE(lines.size() == out.size());
      for (size_t i = 0; i < out.size(); ++i) {
        const std::string word = spec.output_words()[i].name;
        const std::string expected =
            "algorithm " + word.substr(0, 4) + " = " + float_to_string(float_from_bits(out[i], f));
        INFO(lines[i] << "\n expected: " << expected);
        CHECK(lines[i].find(expected) != std::string::npos);
      }
    }
  }
}

}  // namespace
}  // namespace tc
