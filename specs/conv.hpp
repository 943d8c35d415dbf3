// The bit-level specs of conv-kernel and conv-ssm (paper Def A.7/A.8, Lemmas B.7, 4.3): every
// block "exact, then round once", built from the float spec builders (specs/ssm_blocks.hpp) with
// this file's own wiring. Independent of circuits/.
//
// conv-kernel: K_k = round_p(sum_n round_p(C_n Abar_n^k Bbar_n)), operands (C_n, Abar_n k times,
//   Bbar_n), blocks "term-k-n" and (N >= 2) "K-k".
// conv-ssm: the conv-kernel spec embedded with cut prefix "kernel/", then
//   y_t = round_p(sum_(k<=t) K_k x_(t-k)), a 1 x (t+1) by (t+1) x 1 matmul, block "y-t".
// Word names and order: lib/ssm_words.hpp. Parameters p 2..6, L 2..6, N 1..3 (E = p + 1).
#pragma once

#include "lib/circuit.hpp"
#include "lib/component.hpp"

namespace tc {

Circuit build_conv_kernel_spec(
    const Params& params);                          // inputs Abar<n>, Bbar<n>, C<n>; outputs Kk<k>
Circuit build_conv_ssm_spec(const Params& params);  // the same inputs and x<t>; outputs y<t>

}  // namespace tc
