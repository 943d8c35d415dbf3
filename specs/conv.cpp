// The specs of conv-kernel and conv-ssm (see conv.hpp): spec blocks (specs/ssm_blocks.hpp)
// wired by this file.
#include "specs/conv.hpp"

#include <string>
#include <utility>
#include <vector>

#include "lib/compose.hpp"
#include "lib/float_word.hpp"
#include "lib/ssm_words.hpp"
#include "specs/ssm_blocks.hpp"

namespace tc {

Circuit build_conv_kernel_spec(const Params& params) {
  ssm_check_params("conv-kernel", params, kSsmSpecPMax);
  const FloatFormat f = float_format(params);
  const int L = params.L, N = params.N;
  Circuit c("conv-kernel-spec");
  std::vector<Bits> A, B, C;
  for (int n = 0; n < N; ++n) A.push_back(add_float_input(c, ssm_word("Abar", n), f));
  for (int n = 0; n < N; ++n) B.push_back(add_float_input(c, ssm_word("Bbar", n), f));
  for (int n = 0; n < N; ++n) C.push_back(add_float_input(c, ssm_word("C", n), f));
  for (int k = 0; k < L; ++k) {
    std::vector<Bits> products;
    for (int n = 0; n < N; ++n) {
      std::vector<Bits> ops(1, C[n]);
      ops.insert(ops.end(), k, A[n]);
      ops.push_back(B[n]);
      products.push_back(ssm_spec_product(c, ops, f, ssm_cut_name("term", k, n)));
    }
    add_float_output(c, ssm_word("Kk", k), ssm_spec_sum(c, products, f, ssm_cut_name("K", k)), f);
  }
  return c;
}

Circuit build_conv_ssm_spec(const Params& params) {
  ssm_check_params("conv-ssm", params, kSsmSpecPMax);
  const FloatFormat f = float_format(params);
  const int L = params.L, N = params.N;
  Circuit c("conv-ssm-spec");
  std::vector<std::pair<std::string, Bits>> kernel_inputs;
  for (const char* name : {"Abar", "Bbar", "C"})
    for (int n = 0; n < N; ++n)
      kernel_inputs.emplace_back(ssm_word(name, n), add_float_input(c, ssm_word(name, n), f));
  std::vector<Bits> x;
  for (int t = 0; t < L; ++t) x.push_back(add_float_input(c, ssm_word("x", t), f));
  Params kernel_params = params;
  kernel_params.mutant.clear();
  const Embedded kernel = compose_embed(c, build_conv_kernel_spec(kernel_params), kernel_inputs,
                                        {.cut_prefix = "kernel/"});
  for (int t = 0; t < L; ++t) {
    std::vector<Bits> taps, samples;
    for (int k = 0; k <= t; ++k) {
      taps.push_back(kernel.output(ssm_word("Kk", k)));
      samples.push_back(x[t - k]);
    }
    add_float_output(c, ssm_word("y", t), ssm_spec_dot(c, taps, samples, f, ssm_cut_name("y", t)),
                     f);
  }
  return c;
}

}  // namespace tc
