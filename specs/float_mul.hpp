// Bit-level spec of float multiplication: z = round_p(x * y), rounded once.
//
// Chiang's floats (REFERENCE.md section 1): exact 2p-bit product, one rounding with the
// decisions of specs/float_exact.hpp (saturation, underflow to 0 or min). Independent of
// circuits/; checked by tests/specs/float_mul.cpp.
#pragma once

#include "lib/circuit.hpp"
#include "lib/component.hpp"

namespace tc {

// Inputs "x", "y" (floats of Params p and exponent_bits()), output "z" (float).
Circuit build_float_mul_spec(const Params& params);

}  // namespace tc
