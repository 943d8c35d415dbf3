// The conv1d spec against the exact evaluator (GMP rationals, one rounding per output), and the
// reference lines of `verify eval` against the spec's outputs.
#include "specs/conv1d.hpp"

#include <catch2/catch.hpp>

#include "lib/decode.hpp"
#include "lib/float_word.hpp"
#include "lib/simulate.hpp"
#include "specs/float_exact_sum.hpp"
#include "tests/support/float_check.hpp"

namespace tc {
namespace {

Params conv_params(int p, int L, int D, int K, bool dense) {
  Params params;
  params.p = p, params.L = L, params.D = D, params.K = K;
  if (dense) params.flags.insert("dense");
  return params;
}

// The definition read off the paper's indexing: tap k of output t is x_(t-K+1+k), zero before 0.
std::vector<std::vector<bool>> conv_oracle(const Params& q, const std::vector<FloatValue>& in) {
  const FloatFormat f = float_format(q);
  const bool dense = q.flag("dense");
  const int L = q.L, D = q.D, K = q.K;
  auto x = [&](int t, int e) { return in[t * D + e]; };
  const size_t w0 = L * D, b0 = w0 + K * D * (dense ? D : 1);
  std::vector<std::vector<bool>> out;
  for (int t = 0; t < L; ++t)
    for (int d = 0; d < D; ++d) {
      std::vector<FloatValue> a{in[b0 + d]}, b{{false, 1, 0}};
      for (int k = 0; k < K; ++k)
        for (int e = 0; e < D; ++e) {
          if (t - K + 1 + k < 0 || (!dense && e != d)) continue;
          a.push_back(in[w0 + (dense ? (k * D + d) * D + e : k * D + d)]);
          b.push_back(x(t - K + 1 + k, e));
        }
      out.push_back(float_to_bits(exact_dot(a, b, f), f));
    }
  return out;
}

TEST_CASE("the conv1d spec equals the exact evaluator on sampled inputs", "[conv1d]") {
  struct Case {
    int p, L, D, K;
    bool dense;
  };
  for (const Case& s : {Case{3, 3, 1, 3, false}, Case{4, 3, 2, 2, false}, Case{3, 2, 2, 2, true},
                        Case{5, 4, 1, 4, false}}) {
    const Params q = conv_params(s.p, s.L, s.D, s.K, s.dense);
    INFO("p = " << s.p << ", L = " << s.L << ", D = " << s.D << ", K = " << s.K
                << (s.dense ? " dense" : ""));
    const Circuit spec = build_conv1d_spec(q);
    const FloatFormat f = float_format(q);
    FloatSampler sampler(f, 7);
    const FloatCheckResult r = float_check(
        spec, f, 1024,
        [&](uint64_t, std::vector<FloatValue>& in) {
          for (FloatValue& v : in)
            v = sampler.coin() ? sampler.any() : sampler.with_exponent(-1, sampler.coin());
        },
        [&](const std::vector<FloatValue>& in) { return conv_oracle(q, in); });
    INFO(r.first_mismatch);
    CHECK(r.checked == 1024);
    CHECK(r.mismatches == 0);
  }
}

TEST_CASE(
    "the conv1d reference lines name the spec's outputs, with weights as inputs and as constants",
    "[conv1d]") {
  for (bool constants : {false, true}) {
    Params q = conv_params(4, 3, 1, 2, false);
    if (constants) {
      q.weights["w"] = {{3, -1}, {-5, 0}};
      q.weights["bias"] = {{1, -3}};
    }
    const Circuit spec = build_conv1d_spec(q);
    const FloatFormat f = float_format(q);
    FloatSampler sampler(f, 3);
    for (int point = 0; point < 50; ++point) {
      std::vector<std::vector<bool>> words;
      Assignment input;
      for (size_t i = 0; i < spec.input_words().size(); ++i) {
        words.push_back(float_to_bits(sampler.any(), f));
        input.insert(input.end(), words.back().begin(), words.back().end());
      }
      const auto outputs = simulate_outputs(spec, input);
      const auto lines = conv1d_reference(q, words);
      REQUIRE(lines.size() == outputs.size());
      for (size_t i = 0; i < lines.size(); ++i) {
        INFO(lines[i]);
        CHECK(lines[i].find("round_p = " + format_word(float_decoding(f), outputs[i])) !=
              std::string::npos);
      }
    }
  }
}

}  // namespace
}  // namespace tc
