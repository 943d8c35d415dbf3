// fcmp: le = [x <= y] and eq = [x = y] for Chiang floats, in depth 2 (see float_cmp.cpp).
#pragma once

#include <vector>

#include "lib/component.hpp"

namespace tc {

Circuit float_cmp_construction(const Params& params);  // honours params.mutant
const std::vector<Mutant>& float_cmp_mutants();

}  // namespace tc
