// Spec of conv1d (paper Def 3.18, Lemmas B.8 and B.9): the causal 1-D convolution
//   y_t,d = round_p( sum_(j = max(0, t-K+1) .. t) sum_e w_(j-t+K-1),d,e x_j,e + bias_d ),
// each output one exact dot product rounded once (matmul's spec, specs/float_matmul.hpp, as the
// block "y-<t>-<d>", terms in increasing source time j, then bias times 1). Depthwise by default
// (e = d only, weights w<k>_<d>), every channel pair with flag "dense" (w<k>_<d>_<e>). Same words
// as circuits/conv1d.hpp. The exact reference (GMP rationals) is conv1d_reference.
#pragma once

#include <string>
#include <vector>

#include "lib/circuit.hpp"
#include "lib/component.hpp"

namespace tc {

Circuit build_conv1d_spec(const Params& params);
// One line per output y<t>_<d>: the exact sum and its rounding.
std::vector<std::string> conv1d_reference(const Params& params,
                                          const std::vector<std::vector<bool>>& inputs);

}  // namespace tc
