// phi(z) = (e^z - 1) / z, phi(0) = 1, as a composition of threshold constructions: the factor
// of the zero-order hold (circuits/discretize.cpp). The algorithm is fixed by
// specs/expm1_ratio.hpp: exp, fadd and fdiv at q for |z| >= 2^-t, a degree-3 Horner series
// (fmul, fadd) below, a mux on one exponent comparison. Every float operation is an embedded
// block with the same block_cut name as on the spec side.
#pragma once

#include <vector>

#include "lib/circuit.hpp"
#include "lib/component.hpp"

namespace tc {

// t for precision q: the least t >= 1 with (33/20) 2^-4t / 120 <= 2^-(q+2) (the same rule as
// specs/expm1_ratio.hpp, checked by a test).
int expm1_ratio_construction_threshold(int q);
// Input "z", output "phi" (p significand bits, p + 1 exponent bits; 2 <= p <= 16). Mutants:
// "series-coefficient-wrong" (the z^2 coefficient is e^z's 1/2 instead of 1/6),
// "minus-one-dropped" (the quotient branch divides e^z, not e^z - 1).
Circuit expm1_ratio_construction(const Params& params);
const std::vector<Mutant>& expm1_ratio_mutants();

}  // namespace tc
