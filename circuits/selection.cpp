// selection as embedded fmul / matmul / softplus blocks (see selection.hpp).
//
// Depth: B and C are one block deep (fmul 7 or matmul 23), delta is matmul (23) then softplus
// (78 since fdiv's series quotient, 71 before) in series, everything else side by side: 101 at
// every p, L, D and N. Size: dominated by the
// L D softplus blocks (L under "paper"), whose size is exponential in p (softplus's size note).
#include "circuits/selection.hpp"

#include <stdexcept>
#include <string>

#include "circuits/float_matmul.hpp"
#include "circuits/float_mul.hpp"
#include "circuits/float_sum_window.hpp"
#include "circuits/int_mutants.hpp"
#include "circuits/softplus.hpp"
#include "lib/compose.hpp"
#include "lib/float_word.hpp"
#include "lib/weight_words.hpp"

namespace tc {

const std::vector<Mutant>& selection_mutants() {
  static const std::vector<Mutant> mutants = {
      {"softplus-relu", "delta = max(0, v) (ReLU) instead of softplus(v)"},
      {"delta-channel-0",
       "delta is not per channel: channel 0's delta is broadcast to every channel (needs D = 2)",
       false, "--D 2"},
      {"bias-dropped", "b_delta is not added before the softplus"},
      {"wb-wc-swapped", "B is computed with W_C and C with W_B"},
  };
  return mutants;
}

namespace {

std::string name2(const std::string& name, int i, int j) {
  return name + std::to_string(i) + "_" + std::to_string(j);
}
std::string cut(const std::string& role, int t, int i) {
  return role + "-" + std::to_string(t) + "-" + std::to_string(i);
}

// round_p(a . b), exact dot product rounded once: fmul for one term, matmul otherwise.
Bits dot(Circuit& c, const std::vector<Bits>& a, const std::vector<Bits>& b, FloatFormat f,
         const Params& composite, const std::string& block_name) {
  // The block's own cut points (fmul's significand product, matmul's exact dot product) are
  // re-declared under the block's name, so the block proof can use them.
  const ComposeOptions options = block_with_inner_cuts(block_name);
  if (a.size() == 1)
    return compose_embed(c, float_mul_construction(float_params(f)), {a[0], b[0]}, options)
        .output("z");
  Params block = fsw_block_params(f, composite);
  block.rows = 1, block.cols = 1, block.n = static_cast<int>(a.size());
  std::vector<Bits> words = a;
  words.insert(words.end(), b.begin(), b.end());
  return compose_embed(c, float_matmul_construction(block), words, options).output("z0_0");
}

// max(0, v): every bit cleared when the sign is set (one AND gate per bit; -0 never occurs, so
// the result is the canonical zero).
Bits relu(Circuit& c, const Bits& v, FloatFormat f) {
  const Signal sign = v[f.width() - 1];
  Bits out;
  for (int i = 0; i + 1 < f.width(); ++i) out.push_back(c.create_and(v[i], !sign));
  out.push_back(kFalse);
  return out;
}

}  // namespace

Circuit selection_construction(const Params& params) {
  const FloatFormat f = float_format(params);
  if (f.e != f.p + 1)
    throw std::invalid_argument("selection: only the default exponent width p + 1");
  const int L = params.L, D = params.D, N = params.N;
  if (L < 1 || D < 1 || N < 1) throw std::invalid_argument("selection: L, D and N must be >= 1");
  softplus_construction_p1(f.p);  // throws outside softplus's range
  const std::string& mutant = params.mutant;
  bool known = mutant.empty();
  for (const Mutant& m : selection_mutants()) known = known || m.name == mutant;
  if (!known) int_unknown_mutant("selection", mutant);
  const bool paper = params.flag("paper");
  const int deltas = paper ? 1 : D;  // columns of W_delta

  Circuit c("selection");
  std::vector<std::vector<Bits>> x(L);
  for (int t = 0; t < L; ++t)
    for (int d = 0; d < D; ++d) x[t].push_back(add_float_input(c, name2("x", t, d), f));
  auto matrix = [&](const std::string& field, int cols) {
    std::vector<std::string> names;
    for (int d = 0; d < D; ++d)
      for (int j = 0; j < cols; ++j) names.push_back(name2(field, d, j));
    return weight_words(c, params, field, names, f);
  };
  const std::vector<Bits> w_b = matrix("W_B", N), w_c = matrix("W_C", N);
  const std::vector<Bits> w_delta = matrix("W_delta", deltas);
  std::vector<std::string> bias_names;
  for (int j = 0; j < deltas; ++j) bias_names.push_back("b_delta" + std::to_string(j));
  const std::vector<Bits> b_delta = weight_words(c, params, "b_delta", bias_names, f);
  const Bits one = constant_float_word({false, uint64_t{1} << (f.p - 1), 1 - f.p}, f);
  auto column = [&](const std::vector<Bits>& w, int cols, int j) {
    std::vector<Bits> col;
    for (int d = 0; d < D; ++d) col.push_back(w[d * cols + j]);
    return col;
  };
  const bool swapped = mutant == "wb-wc-swapped";

  std::vector<std::pair<std::string, Bits>> outputs_b, outputs_c, outputs_delta;
  for (int t = 0; t < L; ++t) {
    for (int n = 0; n < N; ++n) {
      outputs_b.push_back({name2("B", t, n), dot(c, x[t], column(swapped ? w_c : w_b, N, n), f,
                                                 params, cut("B", t, n))});
      outputs_c.push_back({name2("C", t, n), dot(c, x[t], column(swapped ? w_b : w_c, N, n), f,
                                                 params, cut("C", t, n))});
    }
    std::vector<Bits> delta;
    for (int j = 0; j < deltas; ++j) {
      std::vector<Bits> a = x[t], b = column(w_delta, deltas, j);
      if (mutant != "bias-dropped") {
        a.push_back(one);
        b.push_back(b_delta[j]);
      }
      const Bits v = dot(c, a, b, f, params, cut("delta-affine", t, j));
      if (mutant == "softplus-relu") {
        delta.push_back(relu(c, v, f));
      } else {
        delta.push_back(compose_embed(c, softplus_construction(float_params(f)), {v},
                                      {.block_cut = cut("softplus", t, j)})
                            .output("z"));
      }
    }
    for (int d = 0; d < D; ++d)
      outputs_delta.push_back(
          {name2("delta", t, d), delta[paper || mutant == "delta-channel-0" ? 0 : d]});
  }
  for (const auto* group : {&outputs_b, &outputs_c, &outputs_delta})
    for (const auto& [name, word] : *group) add_float_output(c, name, word, f);
  return c;
}

}  // namespace tc
