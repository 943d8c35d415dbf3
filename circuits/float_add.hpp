// fadd: z = round_p(x + y) for Chiang floats, in constant depth (see float_add.cpp).
#pragma once

#include <vector>

#include "lib/component.hpp"

namespace tc {

Circuit float_add_construction(const Params& params);  // honours params.mutant
const std::vector<Mutant>& float_add_mutants();

}  // namespace tc
