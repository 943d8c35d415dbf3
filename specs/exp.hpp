// Bit-level spec of exp: the algorithm of specs/exp_algorithm.hpp written with plain word logic.
//
// Range reduction, Taylor polynomial and scaling are spelled out with the schoolbook parts of
// specs/float_bits.hpp (barrel shifter, array multipliers, ripple adders, muxes) and rounded once
// by float_round, so the spec is independent of the threshold construction in circuits/exp.cpp.
// Out of range inputs are defined explicitly: |x| >= 2^p gives max (x > 0) or the canonical zero
// (x < 0), which is round_p(e^x); tiny |x| gives A = 0, hence exactly 1. tests/specs/exp.cpp
// checks it against the integer model exp_model exhaustively at small p.
#pragma once

#include "lib/circuit.hpp"
#include "lib/component.hpp"

namespace tc {

// Input "x" (a float with p significand bits and p + 1 exponent bits), output "z" (same format).
Circuit build_exp_spec(const Params& params);

}  // namespace tc
