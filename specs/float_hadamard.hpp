// Bit-level spec of the Hadamard product of float vectors: z_i = round_p(x_i * y_i).
//
// Paper Lemma B.1: the entry-wise product, each entry the exact 2p-bit significand product by an
// array multiplier, the exponent sum by a ripple adder, the sign by XOR, rounded once by
// float_round. Independent of circuits/; checked by tests/specs/float_prod.cpp.
#pragma once

#include "lib/circuit.hpp"
#include "lib/component.hpp"

namespace tc {

// Inputs "x0" .. "x(n-1)" then "y0" .. "y(n-1)" (n = params.n), outputs "z0" .. "z(n-1)".
Circuit build_float_hadamard_spec(const Params& params);

}  // namespace tc
