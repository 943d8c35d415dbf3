// Bit-level spec of matrix multiplication: z_rc = round_p(sum_k a_rk b_kc), every entry an
// exact dot product rounded once (paper Lemma 3.16; products are not rounded on their own).
//
// Each product is a schoolbook multiplication of the significands at exponent e_a + e_b, and
// the n products of an entry are summed exactly by specs/float_sum_word.hpp, then rounded. Word
// names as the construction's (circuits/float_matmul.hpp): "a<r>_<k>", "b<k>_<c>", "z<r>_<c>",
// row-major, A before B. Independent of circuits/; checked against the exact evaluator
// (specs/float_exact_sum.hpp) by tests/specs/float_matmul.cpp.
#pragma once

#include <string>

#include "lib/circuit.hpp"
#include "lib/component.hpp"

namespace tc {

std::string float_matmul_spec_word(char matrix, int row, int col);

// A (rows x n) times B (n x cols), floats of Params p and exponent_bits().
Circuit build_float_matmul_spec(const Params& params);

}  // namespace tc
