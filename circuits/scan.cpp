// The scan construction (see scan.hpp): finished float constructions (fmul, fprod, fsum, fadd,
// matmul) embedded as blocks with lib/compose.hpp.
//
// Depth of the closed form: fprod (9) + fsum (20) + matmul (23) in series, whatever L and p (a
// term's product length and a sum's length change the blocks' size, not their depth). Depth of
// the recurrent form: fmul (7), then per step fmul + fadd (15), then matmul.
#include "circuits/scan.hpp"

#include <fmt/format.h>

#include <map>
#include <string>
#include <utility>

#include "circuits/float_add.hpp"
#include "circuits/float_matmul.hpp"
#include "circuits/float_mul.hpp"
#include "circuits/float_prod.hpp"
#include "circuits/float_sum.hpp"
#include "circuits/float_sum_window.hpp"
#include "circuits/int_mutants.hpp"
#include "lib/compose.hpp"
#include "lib/float_word.hpp"
#include "lib/ssm_words.hpp"

namespace tc {

const std::vector<Mutant>& scan_mutants() {
  static const std::vector<Mutant> mutants = {
      {"product-range-long",
       "the decay product runs over i <= j <= t, so it includes Abar_i (recurrent form: "
       "h_t = Abar_t (h_(t-1) + Bbar_t x_t))"},
      {"abar-index-lagged",
       "Abar_(j-1) is used where Abar_j belongs: the product runs over i <= j < t (recurrent "
       "form: h_t = Abar_(t-1) h_(t-1) + Bbar_t x_t)"},
      {"h0-without-x", "the initial state is taken as h_0 = Bbar_0, without x_0"},
      {"c-paired-with-previous-h", "y_t = C_t . h_(t-1) (y_0 = 0) instead of C_t . h_t"},
      {"step-growth-dropped",
       "the recurrent error budget adds each step's roundings but does not amplify the error "
       "carried in: e_t = e_(t-1) + (1 + u)^2 - 1 (scan.recurrent.step-t must fail)",
       true},
  };
  return mutants;
}

namespace {

std::string role(const char* kind, std::initializer_list<int> indices) {
  return fmt::format("{}-{}", kind, fmt::join(indices, "-"));
}

// The blocks, each built once per shape and embedded as often as needed.
class ScanBlocks {
 public:
  ScanBlocks(FloatFormat f, const Params& composite)
      : f_(f), block_params_(fsw_block_params(f, composite)) {}

  // round_p(prod of ops): fmul for two operands, fprod above; a single operand passes through.
  Bits product(Circuit& c, const std::vector<Bits>& ops, const std::string& name) {
    if (ops.size() == 1) return ops[0];
    if (ops.size() == 2) return fmul(c, ops[0], ops[1], name);
    const Circuit& block = cached(prod_, static_cast<int>(ops.size()), float_prod_construction);
    return embed_vector(c, block, ops, name);
  }
  // round_p(sum of ops); a single operand passes through.
  Bits sum(Circuit& c, const std::vector<Bits>& ops, const std::string& name) {
    if (ops.size() == 1) return ops[0];
    const Circuit& block = cached(sum_, static_cast<int>(ops.size()), float_sum_construction);
    return embed_vector(c, block, ops, name);
  }
  Bits fmul(Circuit& c, const Bits& x, const Bits& y, const std::string& name) {
    if (mul_.input_words().empty()) mul_ = float_mul_construction(float_params(f_));
    return compose_embed(c, mul_, {{"x", x}, {"y", y}}, block_with_inner_cuts(name)).output("z");
  }
  Bits fadd(Circuit& c, const Bits& x, const Bits& y, const std::string& name) {
    if (add_.input_words().empty()) add_ = float_add_construction(float_params(f_));
    return compose_embed(c, add_, {{"x", x}, {"y", y}}, block_with_inner_cuts(name)).output("z");
  }
  // round_p(sum_k a_k b_k): a 1 x n by n x 1 matmul block.
  Bits dot(Circuit& c, const std::vector<Bits>& a, const std::vector<Bits>& b,
           const std::string& name) {
    const int n = static_cast<int>(a.size());
    auto it = dot_.find(n);
    if (it == dot_.end()) {
      Params params = block_params_;
      params.rows = 1;
      params.cols = 1;
      params.n = n;
      it = dot_.emplace(n, float_matmul_construction(params)).first;
    }
    std::vector<std::pair<std::string, Bits>> inputs;
    for (int k = 0; k < n; ++k) inputs.emplace_back(float_matmul_word('a', 0, k), a[k]);
    for (int k = 0; k < n; ++k) inputs.emplace_back(float_matmul_word('b', k, 0), b[k]);
    return compose_embed(c, it->second, inputs, block_with_inner_cuts(name))
        .output(float_matmul_word('z', 0, 0));
  }

 private:
  const Circuit& cached(std::map<int, Circuit>& cache, int n, Circuit (*build)(const Params&)) {
    auto it = cache.find(n);
    if (it == cache.end()) {
      Params params = block_params_;
      params.n = n;
      it = cache.emplace(n, build(params)).first;
    }
    return it->second;
  }
  static Bits embed_vector(Circuit& c, const Circuit& block, const std::vector<Bits>& ops,
                           const std::string& name) {
    std::vector<std::pair<std::string, Bits>> inputs;
    for (size_t i = 0; i < ops.size(); ++i) inputs.emplace_back(fmt::format("x{}", i), ops[i]);
    return compose_embed(c, block, inputs, block_with_inner_cuts(name)).output("z");
  }

  FloatFormat f_;
  Params block_params_;  // fsum, fprod and matmul blocks: the format and the --windows choice
  std::map<int, Circuit> prod_, sum_, dot_;
  Circuit mul_{"unbuilt"}, add_{"unbuilt"};
};

}  // namespace

Circuit scan_construction(const Params& params) {
  ssm_check_params("scan", params, fsw_ssm_p_max(params));
  const std::string& mutant = params.mutant;
  bool known = mutant.empty();
  for (const Mutant& m : scan_mutants()) known = known || m.name == mutant;
  if (!known) int_unknown_mutant("scan", mutant);
  const FloatFormat f = float_format(params);
  const int L = params.L, N = params.N;
  const bool recurrent = params.flag("recurrent");

  Circuit c(recurrent ? "scan-recurrent" : "scan");
  std::vector<std::vector<Bits>> A(L, std::vector<Bits>(N)), B = A, C = A;
  std::vector<Bits> x(L);
  for (int t = 0; t < L; ++t)
    for (int n = 0; n < N; ++n) A[t][n] = add_float_input(c, ssm_word("Abar", t, n), f);
  for (int t = 0; t < L; ++t)
    for (int n = 0; n < N; ++n) B[t][n] = add_float_input(c, ssm_word("Bbar", t, n), f);
  for (int t = 0; t < L; ++t)
    for (int n = 0; n < N; ++n) C[t][n] = add_float_input(c, ssm_word("C", t, n), f);
  for (int t = 0; t < L; ++t) x[t] = add_float_input(c, ssm_word("x", t), f);

  ScanBlocks blocks(f, params);
  std::vector<std::vector<Bits>> h(L, std::vector<Bits>(N));
  for (int n = 0; n < N; ++n) {
    if (!recurrent) {
      for (int t = 0; t < L; ++t) {
        std::vector<Bits> terms;
        for (int i = 0; i <= t; ++i) {
          // The decay factors of term (t, i) are Abar_j for i < j <= t; the mutants shift them.
          int lo = i + 1, hi = t;
          if (mutant == "product-range-long") lo = i;
          if (mutant == "abar-index-lagged") lo = i, hi = t - 1;
          std::vector<Bits> ops;
          for (int j = lo; j <= hi; ++j) ops.push_back(A[j][n]);
          ops.push_back(B[i][n]);
          if (!(i == 0 && mutant == "h0-without-x")) ops.push_back(x[i]);
          terms.push_back(blocks.product(c, ops, role("term", {t, i, n})));
        }
        h[t][n] = blocks.sum(c, terms, role("h", {t, n}));
      }
    } else {
      for (int t = 0; t < L; ++t) {
        const Bits bx = mutant == "h0-without-x" && t == 0
                            ? B[0][n]
                            : blocks.fmul(c, B[t][n], x[t], role("bx", {t, n}));
        if (mutant == "product-range-long") {
          const Bits inner = t == 0 ? bx : blocks.fadd(c, h[t - 1][n], bx, role("s", {t, n}));
          h[t][n] = blocks.fmul(c, A[t][n], inner, role("h", {t, n}));
        } else if (t == 0) {
          h[t][n] = bx;
        } else {
          const Bits& a = mutant == "abar-index-lagged" ? A[t - 1][n] : A[t][n];
          const Bits ah = blocks.fmul(c, a, h[t - 1][n], role("ah", {t, n}));
          h[t][n] = blocks.fadd(c, ah, bx, role("h", {t, n}));
        }
      }
    }
  }
  for (int t = 0; t < L; ++t) {
    Bits y;
    if (mutant == "c-paired-with-previous-h") {
      if (t == 0)
        y = Bits(f.width(), kFalse);  // C_0 . h_(-1) = 0, the canonical zero
      else
        y = blocks.dot(c, C[t], h[t - 1], role("y", {t}));
    } else {
      y = blocks.dot(c, C[t], h[t], role("y", {t}));
    }
    add_float_output(c, ssm_word("y", t), y, f);
  }
  return c;
}

}  // namespace tc
