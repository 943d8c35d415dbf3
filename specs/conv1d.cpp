// Spec and exact reference of conv1d (see conv1d.hpp).
#include "specs/conv1d.hpp"

#include <gmpxx.h>

#include <algorithm>
#include <stdexcept>

#include "lib/compose.hpp"
#include "lib/decode.hpp"
#include "lib/float_word.hpp"
#include "lib/weight_words.hpp"
#include "specs/float_exact_sum.hpp"
#include "specs/float_matmul.hpp"

namespace tc {

namespace {

std::string word(const std::string& name, int i) { return name + std::to_string(i); }
std::string word(const std::string& name, int i, int j) {
  return word(name, i) + "_" + std::to_string(j);
}
std::string word(const std::string& name, int i, int j, int k) {
  return word(name, i, j) + "_" + std::to_string(k);
}

// The source time of each term of output t, and the kernel index it takes: j - t + K - 1.
struct Tap {
  int source;
  int kernel;
};
std::vector<Tap> taps(int t, int K) {
  std::vector<Tap> out;
  for (int j = std::max(0, t - K + 1); j <= t; ++j) out.push_back({j, j - t + K - 1});
  return out;
}

void check(const Params& params, FloatFormat f) {
  if (f.e != f.p + 1) throw std::invalid_argument("conv1d: only the default exponent width p + 1");
  if (params.L < 1 || params.D < 1 || params.K < 1)
    throw std::invalid_argument("conv1d: L, D and K must be >= 1");
}

}  // namespace

Circuit build_conv1d_spec(const Params& params) {
  const FloatFormat f = float_format(params);
  check(params, f);
  const int L = params.L, D = params.D, K = params.K;
  const bool dense = params.flag("dense");
  Circuit c("conv1d-spec");
  std::vector<Bits> x;  // x[j * D + e]
  for (int j = 0; j < L; ++j)
    for (int e = 0; e < D; ++e) x.push_back(add_float_input(c, word("x", j, e), f));
  std::vector<std::string> w_names;
  for (int k = 0; k < K; ++k)
    for (int d = 0; d < D; ++d)
      for (int e = 0; e < (dense ? D : 1); ++e)
        w_names.push_back(dense ? word("w", k, d, e) : word("w", k, d));
  const std::vector<Bits> w = weight_words(c, params, "w", w_names, f);
  std::vector<std::string> bias_names;
  for (int d = 0; d < D; ++d) bias_names.push_back(word("bias", d));
  const std::vector<Bits> bias = weight_words(c, params, "bias", bias_names, f);
  const Bits one = constant_float_word({false, uint64_t{1} << (f.p - 1), 1 - f.p}, f);

  for (int t = 0; t < L; ++t)
    for (int d = 0; d < D; ++d) {
      std::vector<Bits> weights, inputs;
      for (const Tap& tap : taps(t, K))
        for (int e = 0; e < D; ++e) {
          if (dense) {
            weights.push_back(w[(tap.kernel * D + d) * D + e]);
          } else if (e == d) {
            weights.push_back(w[tap.kernel * D + d]);
          } else {
            continue;
          }
          inputs.push_back(x[tap.source * D + e]);
        }
      weights.push_back(bias[d]);
      inputs.push_back(one);
      Params block = float_params(f);
      block.rows = 1, block.cols = 1, block.n = static_cast<int>(weights.size());
      std::vector<Bits> fed = weights;
      fed.insert(fed.end(), inputs.begin(), inputs.end());
      const Bits y =
          compose_embed(c, build_float_matmul_spec(block), fed,
                        block_with_inner_cuts("y-" + std::to_string(t) + "-" + std::to_string(d)))
              .output("z0_0");
      add_float_output(c, word("y", t, d), y, f);
    }
  return c;
}

std::vector<std::string> conv1d_reference(const Params& params,
                                          const std::vector<std::vector<bool>>& inputs) {
  const FloatFormat f = float_format(params);
  check(params, f);
  const int L = params.L, D = params.D, K = params.K;
  const bool dense = params.flag("dense");
  size_t next = 0;
  std::vector<FloatValue> x;
  for (int i = 0; i < L * D; ++i) x.push_back(float_from_bits(inputs.at(next++), f));
  const std::vector<FloatValue> w =
      weight_values(params, "w", static_cast<size_t>(K * D * (dense ? D : 1)), inputs, next, f);
  const std::vector<FloatValue> bias = weight_values(params, "bias", D, inputs, next, f);
  const FloatValue one{false, uint64_t{1} << (f.p - 1), 1 - f.p};
  std::vector<std::string> lines;
  for (int t = 0; t < L; ++t)
    for (int d = 0; d < D; ++d) {
      std::vector<FloatValue> a{bias[d]}, b{one};
      for (const Tap& tap : taps(t, K))
        for (int e = 0; e < D; ++e) {
          if (!dense && e != d) continue;
          a.push_back(dense ? w[(tap.kernel * D + d) * D + e] : w[tap.kernel * D + d]);
          b.push_back(x[tap.source * D + e]);
        }
      const mpq_class exact = exact_dot_value(a, b);
      lines.push_back("exact " + exact.get_str() + " = " + format_dyadic(exact) + ", round_p = " +
                      format_word(float_decoding(f), float_to_bits(exact_dot(a, b, f), f)));
    }
  return lines;
}

}  // namespace tc
