// Bit-level spec of float floor: z = round_p(floor(x)), a float.
//
// Chiang's floats (REFERENCE.md section 1) take "the exact floor"; its integer can be about 2^p
// bits wide, so the output is a float instead, and specs/float_exact.hpp shows that floor(x) is
// always in F_p, so nothing is lost. Independent of circuits/; checked exhaustively (p = 4 and
// p = 8) by tests/specs/float_floor.cpp.
#pragma once

#include "lib/circuit.hpp"
#include "lib/component.hpp"

namespace tc {

// Input "x" (float of Params p and exponent_bits()), output "z" (float).
Circuit build_float_floor_spec(const Params& params);

}  // namespace tc
