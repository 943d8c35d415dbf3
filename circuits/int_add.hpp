// int-add: the (p+1)-bit sum of two p-bit unsigned words in depth 2 (see int_add.cpp).
#pragma once

#include <vector>

#include "lib/component.hpp"

namespace tc {

Circuit int_add_construction(const Params& params);  // honours params.mutant
const std::vector<Mutant>& int_add_mutants();

}  // namespace tc
