// fprod: z = round_p(x_1 * ... * x_n) for Chiang floats, in constant depth (see float_prod.cpp).
#pragma once

#include <vector>

#include "lib/component.hpp"

namespace tc {

Circuit float_prod_construction(const Params& params);  // honours params.mutant; n = params.n
const std::vector<Mutant>& float_prod_mutants();
// Whether the significand product is int_iterated_product_wide (past n p = 56, or with the flag
// "wide-crt") rather than int_iterated_product.
bool float_prod_uses_wide_crt(const Params& params);

}  // namespace tc
