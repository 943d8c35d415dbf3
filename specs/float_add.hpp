// Bit-level spec of float addition: z = round_p(x + y), rounded once.
//
// Chiang's floats (REFERENCE.md section 1): the exact sum, one rounding with the decisions of
// specs/float_exact.hpp. Independent of circuits/; float_add.cpp argues why its guard bits and
// sticky bit give the exactly rounded sum, and tests/specs/float_add.cpp checks it.
#pragma once

#include "lib/circuit.hpp"
#include "lib/component.hpp"

namespace tc {

// Inputs "x", "y" (floats of Params p and exponent_bits()), output "z" (float).
Circuit build_float_add_spec(const Params& params);

}  // namespace tc
