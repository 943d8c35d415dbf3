// fprod: z = round_p(x_1 * ... * x_n) for Chiang floats, in constant depth (see float_prod.cpp).
#pragma once

#include <vector>

#include "lib/component.hpp"

namespace tc {

Circuit float_prod_construction(const Params& params);  // honours params.mutant; n = params.n
const std::vector<Mutant>& float_prod_mutants();
// Whether the construction can be built at these parameters (the CRT weights fit int64).
bool float_prod_buildable(const Params& params);

}  // namespace tc
