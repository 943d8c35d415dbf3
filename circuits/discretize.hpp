// Discretization of the SSM (paper Def A.4, Lemma B.2) as a constant-depth threshold circuit:
// Abar_i = exp(Delta a_i), Bbar_i = (e^(Delta a_i) - 1)/a_i b_i (zero-order hold) or Delta b_i
// (flag "euler"). The algorithm is fixed by specs/discretize.hpp; this file embeds the threshold
// constructions (fmul, exp, expm1_ratio at p1 = p + 4, fmul at p for euler) with lib/compose.hpp,
// each as a block with the same block_cut name as the spec's, joined by circuits/float_resize.
#pragma once

#include <vector>

#include "lib/circuit.hpp"
#include "lib/component.hpp"

namespace tc {

// p1 for precision p: p + 4 (the same constant as specs/discretize.hpp, checked by a test).
int discretize_construction_p1(int p);
// Inputs "delta", "a0".., "b0"..; outputs "Abar0".., "Bbar0".. (p-bit floats, E = p + 1).
// Honours Params::N, the flag "euler" and the mutants.
Circuit discretize_construction(const Params& params);
const std::vector<Mutant>& discretize_mutants();

}  // namespace tc
