// Exact references of fprod and hadamard for `verify eval`: the exact rational results and their
// single rounding round_p (specs/float_exact_prod.hpp), computed without circuits.
#pragma once

#include <string>
#include <vector>

#include "lib/component.hpp"

namespace tc {

// Input words x0 .. x(n-1); one line for the output z.
std::vector<std::string> float_prod_reference(const Params&,
                                              const std::vector<std::vector<bool>>& inputs);
// Input words x0 .. x(n-1), y0 .. y(n-1); one line per output z0 .. z(n-1).
std::vector<std::string> float_hadamard_reference(const Params&,
                                                  const std::vector<std::vector<bool>>& inputs);

}  // namespace tc
