// The conv-ssm construction (see conv_ssm.hpp). Depth: conv-kernel (29) + matmul (23), whatever
// L and p.
#include "circuits/conv_ssm.hpp"

#include <fmt/core.h>

#include <string>
#include <utility>

#include "circuits/conv_kernel.hpp"
#include "circuits/float_matmul.hpp"
#include "circuits/float_sum_window.hpp"
#include "circuits/int_mutants.hpp"
#include "lib/compose.hpp"
#include "lib/float_word.hpp"
#include "lib/ssm_words.hpp"

namespace tc {

const std::vector<Mutant>& conv_ssm_mutants() {
  static const std::vector<Mutant> mutants = {
      {"time-index-off-by-one", "y_t = sum_(k<t) K_k x_(t-1-k): the output lags one step"},
      {"kernel-not-reversed", "y_t = sum_(k<=t) K_k x_k (a correlation, not a convolution)"},
      {"kernel-power-plus-one", "the kernel is conv-kernel's mutant kernel-power-plus-one"},
  };
  return mutants;
}

Circuit conv_ssm_construction(const Params& params) {
  ssm_check_params("conv-ssm", params, fsw_ssm_p_max(params));
  const std::string& mutant = params.mutant;
  bool known = mutant.empty();
  for (const Mutant& m : conv_ssm_mutants()) known = known || m.name == mutant;
  if (!known) int_unknown_mutant("conv-ssm", mutant);
  const FloatFormat f = float_format(params);
  const int L = params.L, N = params.N;

  Circuit c("conv-ssm");
  std::vector<std::pair<std::string, Bits>> kernel_inputs;
  for (const char* name : {"Abar", "Bbar", "C"})
    for (int n = 0; n < N; ++n) {
      const std::string word = ssm_word(name, n);
      kernel_inputs.emplace_back(word, add_float_input(c, word, f));
    }
  std::vector<Bits> x(L);
  for (int t = 0; t < L; ++t) x[t] = add_float_input(c, ssm_word("x", t), f);

  Params kernel_params = params;
  kernel_params.mutant = mutant == "kernel-power-plus-one" ? mutant : "";
  const Embedded kernel = compose_embed(c, conv_kernel_construction(kernel_params), kernel_inputs,
                                        {.cut_prefix = "kernel/"});
  std::vector<Bits> K(L);
  for (int k = 0; k < L; ++k) K[k] = kernel.output(ssm_word("Kk", k));

  for (int t = 0; t < L; ++t) {
    // Pairs (K_k, x_j) of y_t.
    std::vector<std::pair<int, int>> pairs;
    if (mutant == "time-index-off-by-one") {
      for (int k = 0; k < t; ++k) pairs.emplace_back(k, t - 1 - k);
    } else {
      for (int k = 0; k <= t; ++k)
        pairs.emplace_back(k, mutant == "kernel-not-reversed" ? k : t - k);
    }
    Bits y;
    if (pairs.empty()) {
      y = Bits(f.width(), kFalse);  // the empty sum: canonical zero
    } else {
      Params dot = fsw_block_params(f, params);
      dot.rows = 1;
      dot.cols = 1;
      dot.n = static_cast<int>(pairs.size());
      std::vector<std::pair<std::string, Bits>> inputs;
      for (size_t k = 0; k < pairs.size(); ++k)
        inputs.emplace_back(float_matmul_word('a', 0, static_cast<int>(k)), K[pairs[k].first]);
      for (size_t k = 0; k < pairs.size(); ++k)
        inputs.emplace_back(float_matmul_word('b', static_cast<int>(k), 0), x[pairs[k].second]);
      const std::string name = fmt::format("y-{}", t);
      y = compose_embed(c, float_matmul_construction(dot), inputs, block_with_inner_cuts(name))
              .output(float_matmul_word('z', 0, 0));
    }
    add_float_output(c, ssm_word("y", t), y, f);
  }
  return c;
}

}  // namespace tc
