// Exact reference results of the integer components, computed with GMP integers (no circuits),
// for `verify eval`.
#pragma once

#include <string>
#include <vector>

#include "lib/component.hpp"

namespace tc {

std::vector<std::string> int_cmp_reference(const Params&,
                                           const std::vector<std::vector<bool>>& inputs);
std::vector<std::string> int_add_reference(const Params&,
                                           const std::vector<std::vector<bool>>& inputs);
std::vector<std::string> int_iadd_reference(const Params&,
                                            const std::vector<std::vector<bool>>& inputs);
std::vector<std::string> int_mul_reference(const Params&,
                                           const std::vector<std::vector<bool>>& inputs);

}  // namespace tc
