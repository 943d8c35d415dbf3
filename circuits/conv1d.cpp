// conv1d as one embedded matmul block per output (see conv1d.hpp).
//
// Depth: the L * D blocks are side by side, so the depth is matmul's (23 at every p, n and
// exponent width), the same at every L, D and K. Size: L * D dot products of at most K D + 1
// terms; matmul aligns over the whole exponent range, 2^(p+1) columns here (E = p + 1).
#include "circuits/conv1d.hpp"

#include <stdexcept>

#include "circuits/float_matmul.hpp"
#include "circuits/float_sum_window.hpp"
#include "circuits/int_mutants.hpp"
#include "lib/compose.hpp"
#include "lib/float_word.hpp"
#include "lib/weight_words.hpp"

namespace tc {

const std::vector<Mutant>& conv1d_mutants() {
  static const std::vector<Mutant> mutants = {
      {"causal-off-by-one", "output t reads x_(t-K+2+k): the window ends at t + 1, not t"},
      {"padding-right",
       "zero padding on the wrong side: output t reads x_(t+k), future inputs (the last L "
       "outputs of a both-sides-padded convolution instead of the first L)"},
      {"bias-dropped", "the bias is not added"},
      {"kernel-reversed", "tap k is multiplied by w_(K-1-k) (correlation vs convolution)"},
  };
  return mutants;
}

namespace {

std::string idx(const std::string& name, std::initializer_list<int> indices) {
  std::string s = name;
  bool first = true;
  for (int i : indices) {
    if (!first) s += "_";
    s += std::to_string(i);
    first = false;
  }
  return s;
}

}  // namespace

Circuit conv1d_construction(const Params& params) {
  const FloatFormat f = float_format(params);
  if (f.e != f.p + 1) throw std::invalid_argument("conv1d: only the default exponent width p + 1");
  const int L = params.L, D = params.D, K = params.K;
  if (L < 1 || D < 1 || K < 1) throw std::invalid_argument("conv1d: L, D and K must be >= 1");
  const std::string& mutant = params.mutant;
  bool known = mutant.empty();
  for (const Mutant& m : conv1d_mutants()) known = known || m.name == mutant;
  if (!known) int_unknown_mutant("conv1d", mutant);
  const bool dense = params.flag("dense");

  Circuit c("conv1d");
  std::vector<std::vector<Bits>> x(L);
  for (int t = 0; t < L; ++t)
    for (int d = 0; d < D; ++d) x[t].push_back(add_float_input(c, idx("x", {t, d}), f));
  std::vector<std::string> w_names;  // row-major: k, then d (, then e)
  for (int k = 0; k < K; ++k)
    for (int d = 0; d < D; ++d)
      if (dense)
        for (int e = 0; e < D; ++e) w_names.push_back(idx("w", {k, d, e}));
      else
        w_names.push_back(idx("w", {k, d}));
  const std::vector<Bits> w = weight_words(c, params, "w", w_names, f);
  std::vector<std::string> bias_names;
  for (int d = 0; d < D; ++d) bias_names.push_back(idx("bias", {d}));
  const std::vector<Bits> bias = weight_words(c, params, "bias", bias_names, f);
  auto weight = [&](int k, int d, int e) -> const Bits& {
    return dense ? w[(k * D + d) * D + e] : w[k * D + d];
  };
  const Bits one = constant_float_word({false, uint64_t{1} << (f.p - 1), 1 - f.p}, f);

  for (int t = 0; t < L; ++t)
    for (int d = 0; d < D; ++d) {
      std::vector<Bits> a, b;  // the dot product's two vectors
      for (int k = 0; k < K; ++k) {
        int source = t - K + 1 + k;
        if (mutant == "causal-off-by-one") source += 1;
        if (mutant == "padding-right") source = t + k;
        if (source < 0 || source >= L) continue;  // zero padding: the term is absent
        const int tap = mutant == "kernel-reversed" ? K - 1 - k : k;
        for (int e = 0; e < D; ++e) {
          if (!dense && e != d) continue;
          a.push_back(weight(tap, d, e));
          b.push_back(x[source][e]);
        }
      }
      if (mutant != "bias-dropped") {
        a.push_back(bias[d]);
        b.push_back(one);
      }
      Params block = fsw_block_params(f, params);
      block.rows = 1, block.cols = 1, block.n = static_cast<int>(a.size());
      std::vector<Bits> words = a;
      words.insert(words.end(), b.begin(), b.end());
      const Bits y =
          compose_embed(c, float_matmul_construction(block), words,
                        block_with_inner_cuts("y-" + std::to_string(t) + "-" + std::to_string(d)))
              .output("z0_0");
      add_float_output(c, idx("y", {t, d}), y, f);
    }
  return c;
}

}  // namespace tc
