// `verify eval`: evaluate one component on user-given inputs: the construction's and the spec's
// outputs decoded, beside the exact reference result, so anyone can test the harness against
// their own oracle.
#pragma once

#include <string>
#include <vector>

#include "lib/component.hpp"

namespace tc {

// `assignments` are "word=value" strings (see input_values.hpp). Prints to stdout (JSON when
// asked); returns 0 when construction and spec agree, 1 when they differ. Bad input throws
// std::invalid_argument.
int run_eval(const Component& c, const Params& params, const std::vector<std::string>& assignments,
             bool json);

}  // namespace tc
