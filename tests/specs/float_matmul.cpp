// Cross-check of the matrix-multiplication spec (specs/float_matmul.cpp) against the exact
// evaluator (exact_dot of specs/float_exact_sum.hpp): every input of tiny formats, then random
// points with exactly cancelling products at p = 4 and 6.
#include "specs/float_matmul.hpp"

#include <catch2/catch.hpp>
#include <memory>

#include "specs/float_exact.hpp"
#include "specs/float_exact_sum.hpp"
#include "tests/specs/float_sum_points.hpp"
#include "tests/support/float_check.hpp"
#include "tests/support/matmul_oracle.hpp"

using namespace tc;

namespace {

Params shape(FloatFormat f, int rows, int n, int cols) {
  Params params = float_params(f);
  params.rows = rows;
  params.n = n;
  params.cols = cols;
  return params;
}

}  // namespace

TEST_CASE("matmul spec equals the rounded exact dot product on every input of a tiny format",
          "[matmul]") {
  for (FloatFormat f : {FloatFormat{2, 2}}) {  // 83,521 points; p = 3 would take 1.2 million
    const Params params = shape(f, 1, 2, 1);
    const auto values = all_float_values(f);
    const uint64_t count = values.size() * values.size() * values.size() * values.size();
    const FloatCheckResult r =
        float_check(build_float_matmul_spec(params), f, count, test::all_tuples(values, 4),
                    test::matmul_oracle(params, f));
    INFO("p = " << f.p << ", e = " << f.e << ": " << r.first_mismatch);
    CHECK(r.checked == count);
    CHECK(r.mismatches == 0);
  }
}

TEST_CASE("matmul spec equals the rounded exact dot product on random and cancelling points",
          "[matmul]") {
  for (auto [f, rows, n, cols] :
       {std::tuple{FloatFormat{4, 4}, 2, 2, 2}, std::tuple{FloatFormat{6, 5}, 1, 3, 2},
        std::tuple{FloatFormat{4, 3}, 2, 4, 1}}) {
    const Params params = shape(f, rows, n, cols);
    auto s = std::make_shared<FloatSampler>(f, 5);
    const int words = rows * n + n * cols;
    // Every other point makes a_r1 = -a_r0 and b_1c = b_0c for the first row and column, so
    // their products cancel exactly and the remaining products decide the entry.
    const auto next = [s, words, n, cols](uint64_t index, std::vector<FloatValue>& in) {
      in.clear();
      for (int i = 0; i < words; ++i) in.push_back(s->any());
      if (index % 2 == 1) {
        in[1] = test::negated(in[0]);
        const int b0 = words - n * cols;
        in[b0 + cols] = in[b0];
      }
    };
    const FloatCheckResult r = float_check(build_float_matmul_spec(params), f, 1 << 12, next,
                                           test::matmul_oracle(params, f));
    INFO("p = " << f.p << ", e = " << f.e << ", " << rows << "x" << n << " by " << n << "x" << cols
                << ": " << r.first_mismatch);
    CHECK(r.mismatches == 0);
  }
}
