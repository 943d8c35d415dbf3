// matmul: Z = A B for a (rows x n) float matrix A and an (n x cols) float matrix B, every entry
// an exact dot product rounded once, in constant depth (see float_matmul.cpp).
#pragma once

#include <string>
#include <vector>

#include "lib/component.hpp"

namespace tc {

// Word names, row-major: "a<r>_<k>", "b<k>_<c>", "z<r>_<c>".
std::string float_matmul_word(char matrix, int row, int col);

Circuit float_matmul_construction(const Params& params);  // honours params.mutant
const std::vector<Mutant>& float_matmul_mutants();

}  // namespace tc
