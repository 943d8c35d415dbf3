// Spec and exact reference of selection (see selection.hpp).
#include "specs/selection.hpp"

#include <gmpxx.h>

#include <stdexcept>

#include "lib/compose.hpp"
#include "lib/decode.hpp"
#include "lib/float_word.hpp"
#include "lib/weight_words.hpp"
#include "specs/float_exact_sum.hpp"
#include "specs/float_matmul.hpp"
#include "specs/float_mul.hpp"
#include "specs/softplus.hpp"
#include "specs/softplus_measure.hpp"

namespace tc {

namespace {

std::string name2(const std::string& name, int i, int j) {
  return name + std::to_string(i) + "_" + std::to_string(j);
}
std::string role(const std::string& name, int t, int i) {
  return name + "-" + std::to_string(t) + "-" + std::to_string(i);
}

void check(const Params& params, FloatFormat f) {
  if (f.e != f.p + 1)
    throw std::invalid_argument("selection: only the default exponent width p + 1");
  if (params.L < 1 || params.D < 1 || params.N < 1)
    throw std::invalid_argument("selection: L, D and N must be >= 1");
  softplus_design(f.p);  // throws outside softplus's range
}

FloatValue one(FloatFormat f) { return {false, uint64_t{1} << (f.p - 1), 1 - f.p}; }

// The spec of round_p(a . b) as block `name`: fmul's spec for one term, matmul's otherwise.
Bits spec_dot(Circuit& c, const std::vector<Bits>& a, const std::vector<Bits>& b, FloatFormat f,
              const std::string& name) {
  if (a.size() == 1)
    return compose_embed(c, build_float_mul_spec(float_params(f)), {a[0], b[0]},
                         block_with_inner_cuts(name))
        .output("z");
  Params block = float_params(f);
  block.rows = 1, block.cols = 1, block.n = static_cast<int>(a.size());
  std::vector<Bits> fed = a;
  fed.insert(fed.end(), b.begin(), b.end());
  return compose_embed(c, build_float_matmul_spec(block), fed, block_with_inner_cuts(name))
      .output("z0_0");
}

}  // namespace

Circuit build_selection_spec(const Params& params) {
  const FloatFormat f = float_format(params);
  check(params, f);
  const int L = params.L, D = params.D, N = params.N;
  const int deltas = params.flag("paper") ? 1 : D;
  Circuit c("selection-spec");
  std::vector<Bits> x;  // x[t * D + d]
  for (int t = 0; t < L; ++t)
    for (int d = 0; d < D; ++d) x.push_back(add_float_input(c, name2("x", t, d), f));
  // Weight matrix `field` (D rows, `cols` columns) as its columns.
  auto columns = [&](const std::string& field, int cols) {
    std::vector<std::string> names;
    for (int d = 0; d < D; ++d)
      for (int j = 0; j < cols; ++j) names.push_back(name2(field, d, j));
    const std::vector<Bits> w = weight_words(c, params, field, names, f);
    std::vector<std::vector<Bits>> out(cols);
    for (int d = 0; d < D; ++d)
      for (int j = 0; j < cols; ++j) out[j].push_back(w[d * cols + j]);
    return out;
  };
  const auto w_b = columns("W_B", N), w_c = columns("W_C", N);
  const auto w_delta = columns("W_delta", deltas);
  std::vector<std::string> bias_names;
  for (int j = 0; j < deltas; ++j) bias_names.push_back("b_delta" + std::to_string(j));
  const std::vector<Bits> b_delta = weight_words(c, params, "b_delta", bias_names, f);

  std::vector<Bits> B, C, delta;  // row-major over (t, n) resp. (t, d)
  for (int t = 0; t < L; ++t) {
    const std::vector<Bits> row(x.begin() + t * D, x.begin() + (t + 1) * D);
    for (int n = 0; n < N; ++n) {
      B.push_back(spec_dot(c, row, w_b[n], f, role("B", t, n)));
      C.push_back(spec_dot(c, row, w_c[n], f, role("C", t, n)));
    }
    std::vector<Bits> per_column;
    for (int j = 0; j < deltas; ++j) {
      std::vector<Bits> a = row, b = w_delta[j];
      a.push_back(constant_float_word(one(f), f));
      b.push_back(b_delta[j]);
      const Bits v = spec_dot(c, a, b, f, role("delta-affine", t, j));
      per_column.push_back(compose_embed(c, build_softplus_spec(float_params(f)), {v},
                                         {.block_cut = role("softplus", t, j)})
                               .output("z"));
    }
    for (int d = 0; d < D; ++d) delta.push_back(per_column[deltas == 1 ? 0 : d]);
  }
  for (int t = 0; t < L; ++t)
    for (int n = 0; n < N; ++n) add_float_output(c, name2("B", t, n), B[t * N + n], f);
  for (int t = 0; t < L; ++t)
    for (int n = 0; n < N; ++n) add_float_output(c, name2("C", t, n), C[t * N + n], f);
  for (int t = 0; t < L; ++t)
    for (int d = 0; d < D; ++d) add_float_output(c, name2("delta", t, d), delta[t * D + d], f);
  return c;
}

std::vector<std::string> selection_reference(const Params& params,
                                             const std::vector<std::vector<bool>>& inputs) {
  const FloatFormat f = float_format(params);
  check(params, f);
  const int L = params.L, D = params.D, N = params.N;
  const int deltas = params.flag("paper") ? 1 : D;
  size_t next = 0;
  std::vector<FloatValue> x;
  for (int i = 0; i < L * D; ++i) x.push_back(float_from_bits(inputs.at(next++), f));
  const auto w_b = weight_values(params, "W_B", D * N, inputs, next, f);
  const auto w_c = weight_values(params, "W_C", D * N, inputs, next, f);
  const auto w_delta = weight_values(params, "W_delta", D * deltas, inputs, next, f);
  const auto b_delta = weight_values(params, "b_delta", deltas, inputs, next, f);
  auto column = [&](const std::vector<FloatValue>& w, int cols, int j) {
    std::vector<FloatValue> col;
    for (int d = 0; d < D; ++d) col.push_back(w[d * cols + j]);
    return col;
  };
  auto row = [&](int t) {
    return std::vector<FloatValue>(x.begin() + t * D, x.begin() + (t + 1) * D);
  };
  auto describe = [&](const std::vector<FloatValue>& a, const std::vector<FloatValue>& b) {
    const mpq_class exact = exact_dot_value(a, b);
    return "exact " + exact.get_str() + " = " + format_dyadic(exact) +
           ", round_p = " + format_word(float_decoding(f), float_to_bits(exact_dot(a, b, f), f));
  };
  std::vector<std::string> lines;
  for (const auto* w : {&w_b, &w_c})
    for (int t = 0; t < L; ++t)
      for (int n = 0; n < N; ++n) lines.push_back(describe(row(t), column(*w, N, n)));
  for (int t = 0; t < L; ++t)
    for (int d = 0; d < D; ++d) {
      const int j = deltas == 1 ? 0 : d;
      std::vector<FloatValue> a = row(t), b = column(w_delta, deltas, j);
      a.push_back(one(f));
      b.push_back(b_delta[j]);
      const FloatValue v = exact_dot(a, b, f);
      lines.push_back("affine " + describe(a, b) + "; softplus of it: " +
                      softplus_reference(params, {float_to_bits(v, f)}).at(0));
    }
  return lines;
}

}  // namespace tc
