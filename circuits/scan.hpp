// scan: the selective (time-varying) SSM recurrence of one channel as a threshold circuit (paper
// Def A.5/A.6, Lemmas B.6 and 4.2): h_t = Abar_t h_(t-1) + Bbar_t x_t (entry-wise over the N
// states), h_(-1) = 0, y_t = C_t . h_t, for t < L.
//
// Default: the constant-depth closed form h_t[n] = sum_(i<=t) (prod_(i<j<=t) Abar_j[n]) Bbar_i[n]
// x_i, each term one fprod block (a two-operand term is fmul), each h_t[n] one fsum block (h_0 is
// its single term), y_t one matmul block (1 x N by N x 1: the exact dot product rounded once).
// Flag "recurrent": the literal rounded recurrence, fmul(Abar_t, h_(t-1)), fmul(Bbar_t, x_t)
// and fadd per step (depth grows linearly in L), with the same y_t block. Every block is a
// block cut named by its role ("term-t-i-n", "h-t-n", "y-t"; recurrent: "bx-t-n", "ah-t-n",
// "h-t-n", "y-t"), the same names as specs/scan.cpp.
#pragma once

#include <vector>

#include "lib/circuit.hpp"
#include "lib/component.hpp"

namespace tc {

// Inputs Abar<t>_<n>, Bbar<t>_<n>, C<t>_<n>, x<t> (lib/ssm_words.hpp order); outputs y<t>.
// Honours params.mutant and the flag "recurrent".
Circuit scan_construction(const Params& params);
const std::vector<Mutant>& scan_mutants();

}  // namespace tc
