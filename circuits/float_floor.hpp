// ffloor: z = floor(x) as a float, in constant depth (see float_floor.cpp).
#pragma once

#include <vector>

#include "lib/component.hpp"

namespace tc {

Circuit float_floor_construction(const Params& params);  // honours params.mutant
const std::vector<Mutant>& float_floor_mutants();

}  // namespace tc
