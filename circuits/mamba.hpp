// mamba (paper Def 3.24, Theorem 4.5): one Mamba block as a composition of threshold
// constructions: input projections (matmul), causal conv1d, SiLU, the selective SSM with skip
// and gate (circuits/selective_ssm.hpp), output projection (matmul). The algorithm, word names
// and weights are fixed by specs/mamba.hpp; this side embeds the constructions in the same
// pattern (parts with cut_prefix "<role>/", leaf blocks with block_cut).
#pragma once

#include <vector>

#include "lib/circuit.hpp"
#include "lib/component.hpp"

namespace tc {

// Input words x<t>_<d> (then the weights that are inputs), output words out<t>_<d>.
Circuit mamba_construction(const Params& params);  // honours mamba_mutants()
const std::vector<Mutant>& mamba_mutants();

}  // namespace tc
