// int-iadd: the sum of n p-bit unsigned words in depth 2 (see int_iadd.cpp).
#pragma once

#include <vector>

#include "lib/component.hpp"

namespace tc {

Circuit int_iadd_construction(const Params& params);  // honours params.mutant; uses params.n
const std::vector<Mutant>& int_iadd_mutants();
int int_iadd_sum_width(int p, int n);  // p + ceil(log2 n): enough for n (2^p - 1)

}  // namespace tc
