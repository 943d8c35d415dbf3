// Exact reference results of fsum and matmul for `verify eval`: the exact rational sum or dot
// product and its single rounding round_p, from the GMP evaluator (float_exact_sum.hpp), with the
// step-by-step rounded sum beside fsum's for comparison. No circuits.
#pragma once

#include <string>
#include <vector>

#include "lib/component.hpp"

namespace tc {

std::vector<std::string> float_sum_reference(const Params&,
                                             const std::vector<std::vector<bool>>& inputs);
std::vector<std::string> float_matmul_reference(const Params&,
                                                const std::vector<std::vector<bool>>& inputs);

}  // namespace tc
