// Exact references of the iterated float operations (see float_sum_reference.hpp).
#include "specs/float_sum_reference.hpp"

#include <gmpxx.h>

#include "lib/decode.hpp"
#include "specs/float_exact.hpp"
#include "specs/float_exact_sum.hpp"

namespace tc {

namespace {

std::string describe(const mpq_class& exact, FloatValue rounded, FloatFormat f) {
  return "exact " + exact.get_str() + " = " + format_dyadic(exact) +
         ", round_p = " + format_word(float_decoding(f), float_to_bits(rounded, f));
}

}  // namespace

std::vector<std::string> float_sum_reference(const Params& params,
                                             const std::vector<std::vector<bool>>& in) {
  const FloatFormat f = float_format(params);
  std::vector<FloatValue> xs;
  for (const auto& bits : in) xs.push_back(float_from_bits(bits, f));
  return {describe(exact_sum_value(xs), exact_sum(xs, f), f) + " (rounded step by step: " +
          format_word(float_decoding(f), float_to_bits(stepwise_sum(xs, f), f)) + ")"};
}

std::vector<std::string> float_matmul_reference(const Params& params,
                                                const std::vector<std::vector<bool>>& in) {
  const FloatFormat f = float_format(params);
  const size_t rows = params.rows, cols = params.cols, n = params.n;
  auto at = [&](size_t word) { return float_from_bits(in.at(word), f); };
  std::vector<std::string> lines;
  for (size_t r = 0; r < rows; ++r)
    for (size_t c = 0; c < cols; ++c) {
      std::vector<FloatValue> xs, ys;
      for (size_t k = 0; k < n; ++k) {
        xs.push_back(at(r * n + k));                // a_rk, row-major
        ys.push_back(at(rows * n + k * cols + c));  // b_kc, after all of A
      }
      lines.push_back(describe(exact_dot_value(xs, ys), exact_dot(xs, ys, f), f));
    }
  return lines;
}

}  // namespace tc
