// Bit-level spec of float division: z = round_p(x / y), rounded once.
//
// Chiang's floats (REFERENCE.md section 1): long division with a sticky remainder, one rounding
// with the decisions of specs/float_exact.hpp. Division by zero, which the paper leaves open, is
// defined here: z = canonical zero and the extra output div_by_zero = 1. Independent of
// circuits/; checked by tests/specs/float_div.cpp.
#pragma once

#include "lib/circuit.hpp"
#include "lib/component.hpp"

namespace tc {

// Inputs "x", "y" (floats of Params p and exponent_bits()); outputs "z" (float) and
// "div_by_zero" (bool). y = 0 gives z = canonical zero and div_by_zero = 1.
Circuit build_float_div_spec(const Params& params);

}  // namespace tc
