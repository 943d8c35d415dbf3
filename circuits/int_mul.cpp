// int-mul: product = a * b for p-bit unsigned a, b, 2p output bits, depth 3 for every p.
//
// Layer 1 forms the p^2 partial products a_j AND b_i in column i + j; layers 2 and 3 add the
// columns with the depth-2 iterated addition of int_arith.hpp (Siu & Roychowdhury 1992 reach
// depth 3 with polynomial weights; here weights grow to 2^(2p-2)). It serves the significand
// products behind paper Lemma 3.12, part 1.
#include "circuits/int_mul.hpp"

#include <stdexcept>

#include "circuits/int_arith.hpp"
#include "circuits/int_mutants.hpp"

namespace tc {

const std::vector<Mutant>& int_mul_mutants() {
  static const std::vector<Mutant> mutants = {
      {"missing-partial-product", "partial product a_{p-1} b_{p-1} (column 2p-2) left out"},
      {"last-row-shifted", "partial-product row of b_{p-1} shifted by p instead of p-1"},
      {"last-telescoping-sign-flipped",
       "last term of each telescoping sum added with the wrong sign"},
  };
  return mutants;
}

Circuit int_mul_construction(const Params& params) {
  if (params.p < 1) throw std::invalid_argument("int-mul: p must be at least 1");
  const int p = params.p;
  Circuit circuit("int-mul");
  const Bits a = circuit.add_input_word("a", p, Decoding::unsigned_int());
  const Bits b = circuit.add_input_word("b", p, Decoding::unsigned_int());
  Bits product;
  if (params.mutant.empty()) {
    product = int_multiply(circuit, a, b);
  } else {
    // Within a column, partial products come in increasing row order (int_partial_products),
    // so row p-1's entry is the last one of each column p-1 .. 2p-2.
    Columns columns = int_partial_products(circuit, a, b);
    if (params.mutant == "missing-partial-product") {
      columns[2 * p - 2].pop_back();
    } else if (params.mutant == "last-row-shifted") {
      columns.resize(2 * p);
      for (int c = 2 * p - 2; c >= p - 1; --c) {
        columns[c + 1].push_back(columns[c].back());
        columns[c].pop_back();
      }
    } else if (params.mutant != "last-telescoping-sign-flipped") {
      int_unknown_mutant("int-mul", params.mutant);
    }
    product = params.mutant == "last-telescoping-sign-flipped"
                  ? int_add_columns_last_sign_flipped(circuit, columns)
                  : int_add_columns(circuit, columns);
  }
  product.resize(2 * p, kFalse);  // the shifted row can overflow 2p bits: keep the low ones
  circuit.add_output_word("product", product, Decoding::unsigned_int());
  return circuit;
}

}  // namespace tc
