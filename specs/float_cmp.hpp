// Bit-level spec of exact float comparison: le = [x <= y], eq = [x = y].
//
// Chiang's floats (REFERENCE.md section 1): comparison is exact, no rounding. Relies on valid
// (canonical) encodings, which the input constraints guarantee. Independent of circuits/;
// checked by tests/specs/float_cmp.cpp.
#pragma once

#include "lib/circuit.hpp"
#include "lib/component.hpp"

namespace tc {

// Inputs "x", "y" (floats of Params p and exponent_bits()), outputs "le" and "eq" (bool).
Circuit build_float_cmp_spec(const Params& params);

}  // namespace tc
