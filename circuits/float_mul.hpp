// fmul: z = round_p(x * y) for Chiang floats, in constant depth (see float_mul.cpp).
#pragma once

#include <vector>

#include "lib/component.hpp"

namespace tc {

Circuit float_mul_construction(const Params& params);  // honours params.mutant
const std::vector<Mutant>& float_mul_mutants();

}  // namespace tc
