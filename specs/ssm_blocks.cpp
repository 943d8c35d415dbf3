// The spec blocks of the SSM specs (see ssm_blocks.hpp).
#include "specs/ssm_blocks.hpp"

#include <fmt/core.h>

#include <utility>

#include "lib/compose.hpp"
#include "specs/float_add.hpp"
#include "specs/float_matmul.hpp"
#include "specs/float_mul.hpp"
#include "specs/float_prod.hpp"
#include "specs/float_sum.hpp"

namespace tc {

namespace {

using Named = std::vector<std::pair<std::string, Bits>>;

Bits spec_block(Circuit& host, const Circuit& block, const Named& inputs, const std::string& name,
                const std::string& output = "z") {
  return compose_embed(host, block, inputs, block_with_inner_cuts(name)).output(output);
}

}  // namespace

std::string ssm_cut_name(const char* kind, int a, int b, int c) {
  if (c >= 0) return fmt::format("{}-{}-{}-{}", kind, a, b, c);
  if (b >= 0) return fmt::format("{}-{}-{}", kind, a, b);
  return fmt::format("{}-{}", kind, a);
}

Bits ssm_spec_product(Circuit& host, const std::vector<Bits>& ops, FloatFormat f,
                      const std::string& name) {
  if (ops.size() == 1) return ops[0];
  Params params = float_params(f);
  if (ops.size() == 2)
    return spec_block(host, build_float_mul_spec(params), {{"x", ops[0]}, {"y", ops[1]}}, name);
  params.n = static_cast<int>(ops.size());
  Named inputs;
  for (size_t i = 0; i < ops.size(); ++i) inputs.emplace_back(fmt::format("x{}", i), ops[i]);
  return spec_block(host, build_float_prod_spec(params), inputs, name);
}

Bits ssm_spec_sum(Circuit& host, const std::vector<Bits>& ops, FloatFormat f,
                  const std::string& name) {
  if (ops.size() == 1) return ops[0];
  Params params = float_params(f);
  params.n = static_cast<int>(ops.size());
  Named inputs;
  for (size_t i = 0; i < ops.size(); ++i)
    inputs.emplace_back(float_sum_input_name(static_cast<int>(i)), ops[i]);
  return spec_block(host, build_float_sum_spec(params), inputs, name);
}

Bits ssm_spec_add(Circuit& host, const Bits& x, const Bits& y, FloatFormat f,
                  const std::string& name) {
  return spec_block(host, build_float_add_spec(float_params(f)), {{"x", x}, {"y", y}}, name);
}

Bits ssm_spec_dot(Circuit& host, const std::vector<Bits>& a, const std::vector<Bits>& b,
                  FloatFormat f, const std::string& name) {
  Params params = float_params(f);
  params.rows = 1;
  params.cols = 1;
  params.n = static_cast<int>(a.size());
  Named inputs;
  for (size_t k = 0; k < a.size(); ++k)
    inputs.emplace_back(float_matmul_spec_word('a', 0, static_cast<int>(k)), a[k]);
  for (size_t k = 0; k < b.size(); ++k)
    inputs.emplace_back(float_matmul_spec_word('b', static_cast<int>(k), 0), b[k]);
  return spec_block(host, build_float_matmul_spec(params), inputs, name,
                    float_matmul_spec_word('z', 0, 0));
}

}  // namespace tc
