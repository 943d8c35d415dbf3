// conv-kernel: the SSM convolution kernel of a time-invariant (non-selective) SSM, paper Def A.7
// and Lemma B.7: K_k = sum_n C_n Abar_n^k Bbar_n for k < L.
//
// Rounding (our decision; the paper leaves it open): each product C_n Abar_n^k Bbar_n is one
// fprod block (k + 2 operands, the exact product rounded once; k = 0 is fmul), and K_k is the
// fsum block of the N rounded products (rounded once; for N = 1 the product itself). Two
// roundings per entry, the same shape as the scan's closed form (rounded terms, rounded sum).
// Block cuts "term-k-n" and "K-k", shared with specs/conv_kernel.cpp.
#pragma once

#include <vector>

#include "lib/circuit.hpp"
#include "lib/component.hpp"

namespace tc {

// Inputs Abar<n>, Bbar<n>, C<n>; outputs Kk<k>, k < L. Honours params.mutant.
Circuit conv_kernel_construction(const Params& params);
const std::vector<Mutant>& conv_kernel_mutants();

}  // namespace tc
