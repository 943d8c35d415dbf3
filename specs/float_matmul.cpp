// Spec of matrix multiplication (see float_matmul.hpp).
//
// Cut point per entry, "exact-dot-<r>-<c>": inputs the bits of a_r0 .. a_r(n-1), then of
// b_0c .. b_(n-1)c; outputs the n 2p-bit significand products, then the cut word of
// specs/float_sum_word.hpp for the aligned products.
#include "specs/float_matmul.hpp"

#include <stdexcept>

#include "lib/float_word.hpp"
#include "specs/float_bits.hpp"
#include "specs/float_sum_word.hpp"

namespace tc {

std::string float_matmul_spec_word(char matrix, int row, int col) {
  return std::string(1, matrix).append(std::to_string(row)).append("_").append(std::to_string(col));
}

Circuit build_float_matmul_spec(const Params& params) {
  const FloatFormat f = float_format(params);
  const int rows = params.rows, cols = params.cols, n = params.n;
  if (rows < 1 || cols < 1 || n < 1) throw std::invalid_argument("matmul: empty shape");
  Circuit c("float-matmul-spec");
  std::vector<std::vector<Bits>> a(rows, std::vector<Bits>(n)), b(n, std::vector<Bits>(cols));
  for (int r = 0; r < rows; ++r)
    for (int k = 0; k < n; ++k) a[r][k] = add_float_input(c, float_matmul_spec_word('a', r, k), f);
  for (int k = 0; k < n; ++k)
    for (int col = 0; col < cols; ++col)
      b[k][col] = add_float_input(c, float_matmul_spec_word('b', k, col), f);

  for (int r = 0; r < rows; ++r)
    for (int col = 0; col < cols; ++col) {
      std::vector<SpecTerm> terms;
      Bits cut_inputs, cut_outputs;
      for (int k = 0; k < n; ++k) {
        const FloatBits x = split_float(a[r][k], f), y = split_float(b[k][col], f);
        Bits exponent = bits_add(c, bits_sign_extend(x.exponent, f.e + 1),
                                 bits_sign_extend(y.exponent, f.e + 1));
        exponent.pop_back();  // e_a + e_b fits e + 1 bits
        const Bits product = bits_mul(c, x.magnitude, y.magnitude);
        terms.push_back(
            {product, exponent, 2 * f.emin(), 2 * f.emax(), c.create_xor(x.sign, y.sign)});
        cut_inputs = bits_concat(cut_inputs, a[r][k]);
        cut_outputs = bits_concat(cut_outputs, product);
      }
      for (int k = 0; k < n; ++k) cut_inputs = bits_concat(cut_inputs, b[k][col]);
      const SpecSum sum = sum_word_exact(c, terms);
      c.add_cut("exact-dot-" + std::to_string(r) + "-" + std::to_string(col), cut_inputs,
                bits_concat(cut_outputs, sum.cut_outputs));
      add_float_output(c, float_matmul_spec_word('z', r, col),
                       sum_word_round(c, sum.difference, sum.exponent_lo, f), f);
    }
  return c;
}

}  // namespace tc
