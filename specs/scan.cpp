// The spec of scan (see scan.hpp): spec blocks (specs/ssm_blocks.hpp) wired by this file.
#include "specs/scan.hpp"

#include <vector>

#include "lib/float_word.hpp"
#include "lib/ssm_words.hpp"
#include "specs/ssm_blocks.hpp"

namespace tc {

namespace {

using Grid = std::vector<std::vector<Bits>>;  // [t][n]

Grid grid_input(Circuit& c, const char* name, int L, int N, FloatFormat f) {
  Grid g(L, std::vector<Bits>(N));
  for (int t = 0; t < L; ++t)
    for (int n = 0; n < N; ++n) g[t][n] = add_float_input(c, ssm_word(name, t, n), f);
  return g;
}

}  // namespace

Circuit build_scan_spec(const Params& params) {
  ssm_check_params("scan", params, kSsmSpecPMax);
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
          terms.push_back(ssm_spec_product(c, ops, f, ssm_cut_name("term", t, i, n)));
        }
        h_t.push_back(ssm_spec_sum(c, terms, f, ssm_cut_name("h", t, n)));
      }
      add_float_output(c, ssm_word("y", t), ssm_spec_dot(c, C[t], h_t, f, ssm_cut_name("y", t)), f);
    }
    return c;
  }
  std::vector<Bits> h(N);  // the state after the last step
  for (int t = 0; t < L; ++t) {
    for (int n = 0; n < N; ++n) {
      const Bits bx = ssm_spec_product(c, {B[t][n], x[t]}, f, ssm_cut_name("bx", t, n));
      if (t == 0) {
        h[n] = bx;  // h_(-1) = 0: Abar_0 h_(-1) + bx = bx exactly
        continue;
      }
      const Bits ah = ssm_spec_product(c, {A[t][n], h[n]}, f, ssm_cut_name("ah", t, n));
      h[n] = ssm_spec_add(c, ah, bx, f, ssm_cut_name("h", t, n));
    }
    add_float_output(c, ssm_word("y", t), ssm_spec_dot(c, C[t], h, f, ssm_cut_name("y", t)), f);
  }
  return c;
}

}  // namespace tc
