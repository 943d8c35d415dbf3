// conv1d: Mamba's causal 1-D convolution (paper Def 3.18, Lemmas B.8 and B.9) as a constant-depth
// threshold circuit:
//   y_t,d = round_p( sum_k sum_e w_k,d,e x_(t-K+1+k),e + bias_d ),   t < L, d < D, k < K,
// one exact sum rounded once per output. Depthwise (Mamba's form, the default): only e = d, with
// weights w<k>_<d>; dense (flag "dense", the paper's form): every output channel reads every
// input channel, weights w<k>_<d>_<e>. Taps before time 0 are the zero padding: they are not
// wired at all (their product is exactly 0, so the exact sum is the same), so the indexing of
// Lemma B.8 is wiring and costs no gate. Every output is one embedded matmul construction (a
// 1 x n by n x 1 dot product, the bias as one more term times the constant 1), declared as the
// block "y-<t>-<d>"; the spec (specs/conv1d.hpp) embeds matmul's spec under the same names.
#pragma once

#include <string>
#include <vector>

#include "lib/circuit.hpp"
#include "lib/component.hpp"

namespace tc {

// Inputs x<t>_<d>, then (unless Params::weights gives them) w<k>_<d> or w<k>_<d>_<e>, then
// bias<d>; outputs y<t>_<d>. Honours mutants.
Circuit conv1d_construction(const Params& params);
const std::vector<Mutant>& conv1d_mutants();

}  // namespace tc
