// Exact reference results of the float components for `verify eval`: the exact rational result
// and its single rounding round_p, from the GMP evaluator (float_exact.hpp), no circuits.
#pragma once

#include <string>
#include <vector>

#include "lib/component.hpp"

namespace tc {

std::vector<std::string> float_add_reference(const Params&,
                                             const std::vector<std::vector<bool>>& inputs);
std::vector<std::string> float_mul_reference(const Params&,
                                             const std::vector<std::vector<bool>>& inputs);
std::vector<std::string> float_div_reference(const Params&,
                                             const std::vector<std::vector<bool>>& inputs);
std::vector<std::string> float_cmp_reference(const Params&,
                                             const std::vector<std::vector<bool>>& inputs);
std::vector<std::string> float_floor_reference(const Params&,
                                               const std::vector<std::vector<bool>>& inputs);

}  // namespace tc
