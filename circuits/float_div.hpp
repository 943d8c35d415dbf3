// fdiv: z = round_p(x / y) and div_by_zero = [y = 0], in constant depth (see float_div.cpp).
#pragma once

#include <vector>

#include "lib/component.hpp"

namespace tc {

Circuit float_div_construction(const Params& params);  // honours params.mutant
const std::vector<Mutant>& float_div_mutants();

}  // namespace tc
