// matmul: z_rc = round_p(sum_k a_rk b_kc), each entry an exact dot product rounded once, as a
// threshold circuit of depth 23 for every p, n >= 2, shape and exponent width (less only when
// the aligned word is too narrow for four column blocks): products 3, aligned bits 2, the exact
// sum 10, rounding 8.
//
// Chiang's Lemma 4.2 (paper Lemma 3.16) reduces matrix multiplication to products and iterated
// addition; here every product is exact, not rounded: m_a m_b is an integer multiplication
// (int_multiply, depth 3, 2p bits) at exponent e_a + e_b, and the n exact products of an entry
// are one exact aligned sum (float_sum_blocks.hpp, shared with fsum), rounded once. The
// exponent selectors [e_a + e_b = v] are two single gates on the linear form e_a + e_b.
//
// Cut point per entry, "exact-dot-<r>-<c>": inputs the bits of a_r0 .. a_r(n-1), then of
// b_0c .. b_(n-1)c (each magnitude, exponent, sign); outputs the n significand products
// (2p bits each, LSB first), then the ExactSum cut word of the aligned products.
#include "circuits/float_matmul.hpp"

#include <stdexcept>

#include "circuits/float_add.hpp"
#include "circuits/float_blocks.hpp"
#include "circuits/float_mul.hpp"
#include "circuits/float_sum_blocks.hpp"
#include "circuits/float_sum_window.hpp"
#include "circuits/int_arith.hpp"
#include "circuits/int_mutants.hpp"
#include "lib/float_word.hpp"

namespace tc {

const std::vector<Mutant>& float_matmul_mutants() {
  static const std::vector<Mutant> mutants = {
      {"products-rounded", "rounds every product a_rk b_kc to p bits (fmul) before the exact sum"},
      {"step-by-step-rounding",
       "rounds every product and every partial sum: fmul, then fadd left to right"},
      {"column-off-by-one", "entry (r, c) reads column c + 1 (mod cols) of B"},
      {"truncation", "drops the bits below the kept p instead of rounding to nearest"},
  };
  return mutants;
}

std::string float_matmul_word(char matrix, int row, int col) {
  return std::string(1, matrix).append(std::to_string(row)).append("_").append(std::to_string(col));
}

namespace {

// The output bits of `block` (a whole fmul or fadd construction) imported over `inputs`.
Bits import_output(Circuit& c, const Circuit& block, const Bits& inputs) {
  const std::vector<Signal> map = c.import(block, inputs);
  Bits out;
  for (Signal s : block.output_word("z").bits) out.push_back(map[s.node()] ^ s.complemented());
  return out;
}

Bits concat(const Bits& a, const Bits& b) {
  Bits x = a;
  x.insert(x.end(), b.begin(), b.end());
  return x;
}

// The exact product (-1)^(s_a + s_b) m_a m_b 2^(e_a + e_b) as a sum term.
SumTerm product_term(Circuit& c, const FloatBits& a, const FloatBits& b, FloatFormat f) {
  SumTerm term;
  term.significand = int_multiply(c, a.magnitude, b.magnitude);
  LinearForm exponent;
  exponent.add_signed(a.exponent, 1);
  exponent.add_signed(b.exponent, 1);
  term.exponent_lo = 2 * f.emin();
  for (int64_t v = 2 * f.emin(); v <= 2 * f.emax(); ++v)
    term.exponent_is.push_back({fb_at_least(c, exponent, v), fb_at_most(c, exponent, v)});
  term.negative = fb_xor(c, a.sign, b.sign);
  return term;
}

// The same product as a window term (float_sum_window.hpp): exponent e_a + e_b as a form.
WindowTerm product_window_term(Circuit& c, const FloatBits& a, const FloatBits& b) {
  WindowTerm term;
  term.significand = int_multiply(c, a.magnitude, b.magnitude);
  term.exponent.add_signed(a.exponent, 1);
  term.exponent.add_signed(b.exponent, 1);
  term.nonzero = c.create_and(c.create_or(a.magnitude), c.create_or(b.magnitude));
  term.negative = fb_xor(c, a.sign, b.sign);
  return term;
}

}  // namespace

Circuit float_matmul_construction(const Params& params) {
  const FloatFormat f = float_format(params);
  const std::string& mutant = params.mutant;
  const int rows = params.rows, cols = params.cols, n = params.n;
  if (rows < 1 || cols < 1 || n < 1) throw std::invalid_argument("matmul: empty shape");
  RoundOptions options;
  if (mutant == "truncation")
    options.mode = RoundingMode::TowardZero;
  else if (!mutant.empty() && mutant != "products-rounded" && mutant != "step-by-step-rounding" &&
           mutant != "column-off-by-one")
    int_unknown_mutant("matmul", mutant);
  const bool windows = params.flag("windows");
  Params plain = params;
  plain.mutant.clear();

  Circuit c("float-matmul");
  std::vector<std::vector<Bits>> a(rows, std::vector<Bits>(n)), b(n, std::vector<Bits>(cols));
  for (int r = 0; r < rows; ++r)
    for (int k = 0; k < n; ++k) a[r][k] = add_float_input(c, float_matmul_word('a', r, k), f);
  for (int k = 0; k < n; ++k)
    for (int col = 0; col < cols; ++col)
      b[k][col] = add_float_input(c, float_matmul_word('b', k, col), f);

  for (int r = 0; r < rows; ++r)
    for (int col = 0; col < cols; ++col) {
      const int read = mutant == "column-off-by-one" ? (col + 1) % cols : col;
      Bits z;
      if (mutant == "products-rounded" || mutant == "step-by-step-rounding") {
        const Circuit multiplier = float_mul_construction(plain);
        std::vector<Bits> products;
        for (int k = 0; k < n; ++k)
          products.push_back(import_output(c, multiplier, concat(a[r][k], b[k][read])));
        if (mutant == "products-rounded" && windows) {
          std::vector<WindowTerm> terms;
          for (const Bits& w : products) terms.push_back(fsw_float_term(c, split_float(w, f)));
          z = fsw_round_exact_sum(c, terms, f, options);
        } else if (mutant == "products-rounded") {
          std::vector<SumTerm> terms;
          for (const Bits& w : products) terms.push_back(fsb_float_term(split_float(w, f), f));
          const ExactSum sum = fsb_exact_sum(c, terms);
          z = fsb_round_sum(c, sum.difference, sum.exponent_lo, f, options);
        } else {
          const Circuit adder = float_add_construction(plain);
          z = products[0];
          for (int k = 1; k < n; ++k) z = import_output(c, adder, concat(z, products[k]));
        }
      } else if (windows) {
        std::vector<WindowTerm> terms;
        for (int k = 0; k < n; ++k)
          terms.push_back(
              product_window_term(c, split_float(a[r][k], f), split_float(b[k][read], f)));
        z = fsw_round_exact_sum(c, terms, f, options);
      } else {
        std::vector<SumTerm> terms;
        Bits cut_inputs, cut_outputs;
        for (int k = 0; k < n; ++k) {
          terms.push_back(product_term(c, split_float(a[r][k], f), split_float(b[k][read], f), f));
          cut_inputs = concat(cut_inputs, a[r][k]);
          cut_outputs = concat(cut_outputs, terms.back().significand);
        }
        for (int k = 0; k < n; ++k) cut_inputs = concat(cut_inputs, b[k][read]);
        const ExactSum sum = fsb_exact_sum(c, terms);
        c.add_cut("exact-dot-" + std::to_string(r) + "-" + std::to_string(col), cut_inputs,
                  concat(cut_outputs, sum.cut_outputs));
        z = fsb_round_sum(c, sum.difference, sum.exponent_lo, f, options);
      }
      add_float_output(c, float_matmul_word('z', r, col), z, f);
    }
  return c;
}

}  // namespace tc
