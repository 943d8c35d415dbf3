// The conv-kernel construction (see conv_kernel.hpp): fprod (fmul for k = 0) and fsum blocks.
// Depth fprod (9) + fsum (20) = 29 whatever L and p (N = 1: fprod alone).
#include "circuits/conv_kernel.hpp"

#include <fmt/core.h>

#include <string>
#include <utility>

#include "circuits/float_mul.hpp"
#include "circuits/float_prod.hpp"
#include "circuits/float_sum.hpp"
#include "circuits/float_sum_window.hpp"
#include "circuits/int_mutants.hpp"
#include "lib/compose.hpp"
#include "lib/float_word.hpp"
#include "lib/ssm_words.hpp"

namespace tc {

const std::vector<Mutant>& conv_kernel_mutants() {
  static const std::vector<Mutant> mutants = {
      {"kernel-power-plus-one", "K_k uses Abar^(k+1) (the power counted from 1)"},
      {"bbar-dropped", "K_k = sum_n C_n Abar_n^k, Bbar left out"},
      {"power-rounded-first",
       "Abar_n^k is rounded on its own (an fprod block) before C_n and Bbar_n multiply it"},
  };
  return mutants;
}

namespace {

Bits embed_operands(Circuit& c, const Circuit& block, const std::vector<Bits>& ops,
                    const std::string& name) {
  std::vector<std::pair<std::string, Bits>> inputs;
  if (ops.size() == 2) {
    inputs = {{"x", ops[0]}, {"y", ops[1]}};
  } else {
    for (size_t i = 0; i < ops.size(); ++i) inputs.emplace_back(fmt::format("x{}", i), ops[i]);
  }
  return compose_embed(c, block, inputs, block_with_inner_cuts(name)).output("z");
}

// round_p of the product of ops: fmul for two operands, fprod above; one operand passes.
Bits rounded_product(Circuit& c, const std::vector<Bits>& ops, FloatFormat f,
                     const std::string& name) {
  if (ops.size() == 1) return ops[0];
  Params params = float_params(f);
  params.n = static_cast<int>(ops.size());
  const Circuit block =
      ops.size() == 2 ? float_mul_construction(params) : float_prod_construction(params);
  return embed_operands(c, block, ops, name);
}

}  // namespace

Circuit conv_kernel_construction(const Params& params) {
  ssm_check_params("conv-kernel", params, fsw_ssm_p_max(params));
  const std::string& mutant = params.mutant;
  bool known = mutant.empty();
  for (const Mutant& m : conv_kernel_mutants()) known = known || m.name == mutant;
  if (!known) int_unknown_mutant("conv-kernel", mutant);
  const FloatFormat f = float_format(params);
  const int L = params.L, N = params.N;

  Circuit c("conv-kernel");
  std::vector<Bits> A(N), B(N), C(N);
  for (int n = 0; n < N; ++n) A[n] = add_float_input(c, ssm_word("Abar", n), f);
  for (int n = 0; n < N; ++n) B[n] = add_float_input(c, ssm_word("Bbar", n), f);
  for (int n = 0; n < N; ++n) C[n] = add_float_input(c, ssm_word("C", n), f);

  for (int k = 0; k < L; ++k) {
    const int power = mutant == "kernel-power-plus-one" ? k + 1 : k;
    std::vector<Bits> terms;
    for (int n = 0; n < N; ++n) {
      const std::string tag = fmt::format("{}-{}", k, n);
      std::vector<Bits> ops{C[n]};
      if (mutant == "power-rounded-first" && power >= 2) {
        ops.push_back(
            rounded_product(c, std::vector<Bits>(power, A[n]), f, fmt::format("power-{}", tag)));
      } else {
        for (int j = 0; j < power; ++j) ops.push_back(A[n]);
      }
      if (mutant != "bbar-dropped") ops.push_back(B[n]);
      terms.push_back(rounded_product(c, ops, f, fmt::format("term-{}", tag)));
    }
    Bits K = terms[0];
    if (N > 1) {
      Params sum_params = fsw_block_params(f, params);
      sum_params.n = N;
      std::vector<std::pair<std::string, Bits>> inputs;
      for (int n = 0; n < N; ++n) inputs.emplace_back(fmt::format("x{}", n), terms[n]);
      K = compose_embed(c, float_sum_construction(sum_params), inputs,
                        block_with_inner_cuts(fmt::format("K-{}", k)))
              .output("z");
    }
    add_float_output(c, ssm_word("Kk", k), K, f);
  }
  return c;
}

}  // namespace tc
