// softplus: z ~ ln(1 + e^x) for a p-bit float x, as a constant-depth threshold circuit (paper
// Lemma B.4). The algorithm is fixed by specs/softplus.hpp: exp at p1 of -|x|, 1 + y and s - 1 by
// fadd, Kahan's log1p correction log(s) * (y / d) by log, fdiv and fmul, x added back for x >= 0,
// narrowing to p. This file embeds the existing threshold constructions at p1 with
// lib/compose.hpp, joined by the blocks of circuits/float_resize.hpp and two-layer muxes.
#pragma once

#include <vector>

#include "lib/circuit.hpp"
#include "lib/component.hpp"

namespace tc {

// p1 for precision p: p + 4 (the same constant as specs/softplus.hpp, checked by a test).
int softplus_construction_p1(int p);
// Input "x", output "z" (floats, p significand bits, p + 1 exponent bits). Honours mutants.
Circuit softplus_construction(const Params& params);
const std::vector<Mutant>& softplus_mutants();

}  // namespace tc
