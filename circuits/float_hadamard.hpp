// hadamard: z_i = round_p(x_i * y_i) for float vectors of n entries (see float_hadamard.cpp).
#pragma once

#include <vector>

#include "lib/component.hpp"

namespace tc {

Circuit float_hadamard_construction(const Params& params);  // honours params.mutant; n entries
const std::vector<Mutant>& float_hadamard_mutants();

}  // namespace tc
