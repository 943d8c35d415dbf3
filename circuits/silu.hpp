// silu: z ~ x / (1 + e^-x) for a p-bit float x, as a constant-depth threshold circuit (paper
// Lemma B.5). The algorithm is fixed by specs/silu.hpp: widen to p1 = p + c, exp at p1 of -x,
// 1 + y by fadd, x / s by fdiv, narrow to p. This file embeds the existing threshold
// constructions (exp_construction, float_add_construction, float_div_construction at p1) with
// lib/compose.hpp, joined by the blocks of circuits/float_resize.hpp.
#pragma once

#include <vector>

#include "lib/circuit.hpp"
#include "lib/component.hpp"

namespace tc {

// p1 for precision p: p + 3 (the same constant as specs/silu.hpp, checked by a test).
int silu_construction_p1(int p);
// Input "x", output "z" (floats, p significand bits, p + 1 exponent bits). Honours mutants.
Circuit silu_construction(const Params& params);
const std::vector<Mutant>& silu_mutants();

}  // namespace tc
