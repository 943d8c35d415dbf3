// exp: z ~ e^x for a p-bit float x, as a constant-depth threshold circuit (Chiang Lemma 12,
// paper Lemma 3.14). The algorithm (range reduction, Taylor polynomial, one rounding) is fixed
// by specs/exp_algorithm.hpp; this file computes the same integers with threshold blocks.
#pragma once

#include <vector>

#include "lib/circuit.hpp"
#include "lib/component.hpp"

namespace tc {

// Input "x", output "z" (floats, p significand bits, p + 1 exponent bits).
Circuit exp_construction(const Params& params);
const std::vector<Mutant>& exp_mutants();

}  // namespace tc
