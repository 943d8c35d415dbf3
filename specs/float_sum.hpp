// Bit-level spec of iterated float addition: z = round_p(x_0 + ... + x_(n-1)), the exact sum
// rounded once (REFERENCE.md section 1), not a chain of rounded additions.
//
// Every operand is shifted to its exponent's column of one wide fixed-point word, negated when
// negative, and the words are ripple-added (specs/float_sum_word.hpp); float_round rounds the
// result. The word T is named as the cut point "exact-sum". Independent of circuits/; checked
// against the exact evaluator (specs/float_exact_sum.hpp) by tests/specs/float_sum.cpp.
#pragma once

#include <string>

#include "lib/circuit.hpp"
#include "lib/component.hpp"

namespace tc {

// Input word i of fsum: "x0", "x1", ...
std::string float_sum_input_name(int i);

// Inputs x0 .. x(n-1) (floats of Params p and exponent_bits()), output "z".
Circuit build_float_sum_spec(const Params& params);

}  // namespace tc
