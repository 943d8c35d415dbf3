// The exact evaluator of matmul (see matmul_oracle.hpp).
#include "tests/support/matmul_oracle.hpp"

#include "specs/float_exact_sum.hpp"

namespace tc::test {

FloatOracle matmul_oracle(const Params& params, FloatFormat f) {
  return [params, f](const std::vector<FloatValue>& in) -> std::vector<std::vector<bool>> {
    std::vector<std::vector<bool>> out;
    for (int r = 0; r < params.rows; ++r)
      for (int c = 0; c < params.cols; ++c) {
        std::vector<FloatValue> xs, ys;
        for (int k = 0; k < params.n; ++k) {
          xs.push_back(in[r * params.n + k]);
          ys.push_back(in[params.rows * params.n + k * params.cols + c]);
        }
        out.push_back(float_to_bits(exact_dot(xs, ys, f), f));
      }
    return out;
  };
}

}  // namespace tc::test
