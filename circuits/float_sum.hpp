// fsum: z = round_p(x_0 + ... + x_(n-1)), the exact sum rounded once, in constant depth
// (see float_sum.cpp).
#pragma once

#include <vector>

#include "lib/component.hpp"

namespace tc {

Circuit float_sum_construction(const Params& params);  // honours params.mutant
const std::vector<Mutant>& float_sum_mutants();

}  // namespace tc
