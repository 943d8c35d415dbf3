// Spec of selection (paper Def 3.21, Lemma B.10; Mamba's form, see circuits/selection.hpp):
//   B_t,n = round_p(sum_d x_t,d W_B d,n)     C_t,n = round_p(sum_d x_t,d W_C d,n)
//   delta_t,d = softplus_p(round_p(sum_e x_t,e W_delta e,d + b_delta_d))
// (flag "paper": one delta per time step from W_delta of D x 1 and a scalar b_delta, copied to
// every channel). Each dot product is the spec of fmul (D = 1) or of matmul (exact, rounded once),
// the softplus is softplus's spec (specs/softplus.hpp), embedded under the same block names as
// the construction. The exact reference (GMP rationals; MPFR for softplus) is
// selection_reference.
#pragma once

#include <string>
#include <vector>

#include "lib/circuit.hpp"
#include "lib/component.hpp"

namespace tc {

Circuit build_selection_spec(const Params& params);
// One line per output word (B, then C, then delta): the exact dot product and its rounding;
// for delta the rounded affine value and softplus of it (MPFR enclosure, its rounding, and the
// softplus algorithm's result, which the circuits compute).
std::vector<std::string> selection_reference(const Params& params,
                                             const std::vector<std::vector<bool>>& inputs);

}  // namespace tc
