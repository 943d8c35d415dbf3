// Bit-level spec of the iterated float product: z = round_p(x_1 * ... * x_n), rounded once.
//
// Chiang's floats (REFERENCE.md section 1; paper Lemma 3.12 part 3): the exact n p-bit product of
// the significands by schoolbook array multipliers, the exponent sum by ripple adders, the sign
// by XOR, then one rounding by float_round. Independent of circuits/; checked against the GMP
// evaluator (specs/float_exact_prod.hpp) by tests/specs/float_prod.cpp.
#pragma once

#include "lib/circuit.hpp"
#include "lib/component.hpp"

namespace tc {

// Inputs "x0" .. "x(n-1)" (n = params.n >= 2, floats of params.p and exponent_bits()), output "z".
Circuit build_float_prod_spec(const Params& params);

// The product's low bits that only matter through their OR (the sticky): (n - 1)(p - 1) - 1.
// The leading one of a nonzero product of n normalized significands is at bit n (p - 1) or
// above, so the bits below n (p - 1) - p lie under the round bit for every nonzero result.
int float_prod_sticky_bits(int n, int p);

}  // namespace tc
