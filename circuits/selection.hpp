// selection: Mamba's selection functions (paper Def 3.21, Lemma B.10) as a constant-depth
// threshold circuit. For every time step t < L, with x_t the row of D channels:
//   B_t,n = round_p(x_t W_B[:, n])           C_t,n = round_p(x_t W_C[:, n])        (n < N)
//   delta_t,d = softplus(round_p(x_t W_delta[:, d] + b_delta_d))                     (d < D)
// each dot product exact and rounded once (one fmul when D = 1, else a 1 x D by D x 1 matmul),
// the affine part of delta one exact sum (the bias a term times the constant 1), then the
// softplus construction as one block. Flag "paper": the paper's (and Gu & Dao's Algorithm 2)
// s_Delta = Broadcast_D(Linear_1(x)): one scalar per time step, W_delta of D x 1, b_delta one
// learned scalar, its softplus copied to every channel (wiring). Every embedded block is
// declared with a block_cut name shared with the spec: "B-<t>-<n>", "C-<t>-<n>",
// "delta-affine-<t>-<d>", "softplus-<t>-<d>" (d = 0 only under "paper").
#pragma once

#include <vector>

#include "lib/circuit.hpp"
#include "lib/component.hpp"

namespace tc {

// Inputs x<t>_<d>, then (unless Params::weights gives them) W_B<d>_<n>, W_C<d>_<n>,
// W_delta<d>_<e> (paper: W_delta<d>_0), b_delta<d> (paper: b_delta0); outputs B<t>_<n> for all
// t, n, then C<t>_<n>, then delta<t>_<d>. Honours mutants.
Circuit selection_construction(const Params& params);
const std::vector<Mutant>& selection_mutants();

}  // namespace tc
