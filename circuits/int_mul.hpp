// int-mul: the 2p-bit product of two p-bit unsigned words in depth 3 (see int_mul.cpp).
#pragma once

#include <vector>

#include "lib/component.hpp"

namespace tc {

Circuit int_mul_construction(const Params& params);  // honours params.mutant
const std::vector<Mutant>& int_mul_mutants();

}  // namespace tc
