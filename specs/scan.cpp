// The specs of scan, conv-kernel and conv-ssm (see scan.hpp): spec blocks wired by this file.
#include "specs/scan.hpp"

#include <fmt/core.h>

#include <string>
#include <utility>
#include <vector>

#include "lib/compose.hpp"
#include "lib/float_word.hpp"
#include "lib/ssm_words.hpp"
#include "specs/float_add.hpp"
#include "specs/float_matmul.hpp"
#include "specs/float_mul.hpp"
#include "specs/float_prod.hpp"
#include "specs/float_sum.hpp"

namespace tc {

namespace {

using Named = std::vector<std::pair<std::string, Bits>>;

std::string cut_name(const char* kind, int a, int b = -1, int c = -1) {
  if (c >= 0) return fmt::format("{}-{}-{}-{}", kind, a, b, c);
  if (b >= 0) return fmt::format("{}-{}-{}", kind, a, b);
  return fmt::format("{}-{}", kind, a);
}

Bits spec_block(Circuit& host, const Circuit& block, const Named& inputs, const std::string& name,
                const std::string& output = "z") {
  return compose_embed(host, block, inputs, {.block_cut = name}).output(output);
}

// round_p(ops[0] * ... * ops[k-1]): the fmul spec for two operands, the fprod spec for more.
Bits spec_product(Circuit& host, const std::vector<Bits>& ops, FloatFormat f,
                  const std::string& name) {
  if (ops.size() == 1) return ops[0];
  Params params = float_params(f);
  if (ops.size() == 2) return spec_block(host, build_float_mul_spec(params), {{"x", ops[0]}, {"y", ops[1]}}, name);
  params.n = static_cast<int>(ops.size());
  Named inputs;
  for (size_t i = 0; i < ops.size(); ++i) inputs.emplace_back(fmt::format("x{}", i), ops[i]);
  return spec_block(host, build_float_prod_spec(params), inputs, name);
}

// round_p(ops[0] + ... + ops[k-1]) by the fsum spec; one operand passes.
Bits spec_sum(Circuit& host, const std::vector<Bits>& ops, FloatFormat f, const std::string& name) {
  if (ops.size() == 1) return ops[0];
  Params params = float_params(f);
  params.n = static_cast<int>(ops.size());
  Named inputs;
  for (size_t i = 0; i < ops.size(); ++i) inputs.emplace_back(float_sum_input_name(static_cast<int>(i)), ops[i]);
  return spec_block(host, build_float_sum_spec(params), inputs, name);
}

// round_p(sum_k a_k b_k) by the matmul spec (1 x n by n x 1).
Bits spec_dot(Circuit& host, const std::vector<Bits>& a, const std::vector<Bits>& b,
              FloatFormat f, const std::string& name) {
  Params params = float_params(f);
  params.rows = 1;
  params.cols = 1;
  params.n = static_cast<int>(a.size());
  Named inputs;
  for (size_t k = 0; k < a.size(); ++k) inputs.emplace_back(float_matmul_spec_word('a', 0, static_cast<int>(k)), a[k]);
  for (size_t k = 0; k < b.size(); ++k) inputs.emplace_back(float_matmul_spec_word('b', static_cast<int>(k), 0), b[k]);
  return spec_block(host, build_float_matmul_spec(params), inputs, name,
                    float_matmul_spec_word('z', 0, 0));
}

using Grid = std::vector<std::vector<Bits>>;  // [t][n]

Grid grid_input(Circuit& c, const char* name, int L, int N, FloatFormat f) {
  Grid g(L, std::vector<Bits>(N));
  for (int t = 0; t < L; ++t)
    for (int n = 0; n < N; ++n) g[t][n] = add_float_input(c, ssm_word(name, t, n), f);
  return g;
}

}  // namespace

Circuit build_scan_spec(const Params& params) {
  ssm_check_params("scan", params);
  const FloatFormat f = float_format(params);
  const int L = params.L, N = params.N;
  const bool recurrent = params.flag("recurrent");
  Circuit c(recurrent ? "scan-recurrent-spec" : "scan-spec");
  const Grid A = grid_input(c, "Abar", L, N, f);
  const Grid B = grid_input(c, "Bbar", L, N, f);
  const Grid C = grid_input(c, "C", L, N, f);
  std::vector<Bits> x;
  for (int t = 0; t < L; ++t) x.push_back(add_float_input(c, ssm_word("x", t), f));

  if (!recurrent) {
    for (int t = 0; t < L; ++t) {
      std::vector<Bits> h_t;  // h_t[n], n < N
      for (int n = 0; n < N; ++n) {
        std::vector<Bits> terms;
        for (int i = 0; i <= t; ++i) {
          std::vector<Bits> ops;
          for (int j = i + 1; j <= t; ++j) ops.push_back(A[j][n]);
          ops.push_back(B[i][n]);
          ops.push_back(x[i]);
          terms.push_back(spec_product(c, ops, f, cut_name("term", t, i, n)));
        }
        h_t.push_back(spec_sum(c, terms, f, cut_name("h", t, n)));
      }
      add_float_output(c, ssm_word("y", t), spec_dot(c, C[t], h_t, f, cut_name("y", t)), f);
    }
    return c;
  }
  std::vector<Bits> h(N);  // the state after the last step
  for (int t = 0; t < L; ++t) {
    for (int n = 0; n < N; ++n) {
      const Bits bx = spec_product(c, {B[t][n], x[t]}, f, cut_name("bx", t, n));
      if (t == 0) {
        h[n] = bx;  // h_(-1) = 0: Abar_0 h_(-1) + bx = bx exactly
        continue;
      }
      const Bits ah = spec_product(c, {A[t][n], h[n]}, f, cut_name("ah", t, n));
      h[n] = spec_block(c, build_float_add_spec(float_params(f)), {{"x", ah}, {"y", bx}},
                        cut_name("h", t, n));
    }
    add_float_output(c, ssm_word("y", t), spec_dot(c, C[t], h, f, cut_name("y", t)), f);
  }
  return c;
}

Circuit build_conv_kernel_spec(const Params& params) {
  ssm_check_params("conv-kernel", params);
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
      products.push_back(spec_product(c, ops, f, cut_name("term", k, n)));
    }
    add_float_output(c, ssm_word("Kk", k), spec_sum(c, products, f, cut_name("K", k)), f);
  }
  return c;
}

Circuit build_conv_ssm_spec(const Params& params) {
  ssm_check_params("conv-ssm", params);
  const FloatFormat f = float_format(params);
  const int L = params.L, N = params.N;
  Circuit c("conv-ssm-spec");
  Named kernel_inputs;
  for (const char* name : {"Abar", "Bbar", "C"})
    for (int n = 0; n < N; ++n)
      kernel_inputs.emplace_back(ssm_word(name, n), add_float_input(c, ssm_word(name, n), f));
  std::vector<Bits> x;
  for (int t = 0; t < L; ++t) x.push_back(add_float_input(c, ssm_word("x", t), f));
  Params kernel_params = params;
  kernel_params.mutant.clear();
  const Embedded kernel =
      compose_embed(c, build_conv_kernel_spec(kernel_params), kernel_inputs, {.cut_prefix = "kernel/"});
  for (int t = 0; t < L; ++t) {
    std::vector<Bits> taps, samples;
    for (int k = 0; k <= t; ++k) {
      taps.push_back(kernel.output(ssm_word("Kk", k)));
      samples.push_back(x[t - k]);
    }
    add_float_output(c, ssm_word("y", t), spec_dot(c, taps, samples, f, cut_name("y", t)), f);
  }
  return c;
}

}  // namespace tc
