// int-cmp: [a >= b] for p-bit unsigned a, b, as one threshold gate (see int_cmp.cpp).
#pragma once

#include <vector>

#include "lib/component.hpp"

namespace tc {

Circuit int_cmp_construction(const Params& params);  // honours params.mutant
const std::vector<Mutant>& int_cmp_mutants();

}  // namespace tc
