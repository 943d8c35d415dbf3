// The bit-level specs of the SSM scan and convolution components (paper Def A.5-A.8, Lemmas
// B.6, B.7, 4.2, 4.3): every block "exact, then round once", built from the float spec builders
// (build_float_prod_spec, build_float_sum_spec, build_float_mul_spec, build_float_add_spec,
// build_float_matmul_spec) with this file's own wiring. Independent of circuits/.
//
// scan (closed form, the default): for each state n and time t,
//   term(t, i, n) = round_p(Abar_(i+1)[n] ... Abar_t[n] * Bbar_i[n] * x_i)   block "term-t-i-n"
//                   (operands in that order; two operands: the fmul spec, one: no block)
//   h_t[n]        = round_p(sum_(i<=t) term(t, i, n))                         block "h-t-n" (t >= 1)
//   y_t           = round_p(sum_n C_t[n] h_t[n])     1 x N by N x 1 matmul    block "y-t"
// scan, flag "recurrent": h_0[n] = round_p(Bbar_0 x_0) ("bx-0-n"); for t >= 1
//   bx = round_p(Bbar_t x_t) ("bx-t-n"), ah = round_p(Abar_t h_(t-1)) ("ah-t-n"),
//   h_t = round_p(ah + bx) ("h-t-n"); y_t as above.
// conv-kernel: K_k = round_p(sum_n round_p(C_n Abar_n^k Bbar_n)), operands (C_n, Abar_n k times,
//   Bbar_n), blocks "term-k-n" and (N >= 2) "K-k".
// conv-ssm: the conv-kernel spec embedded with cut prefix "kernel/", then
//   y_t = round_p(sum_(k<=t) K_k x_(t-k)), a 1 x (t+1) by (t+1) x 1 matmul, block "y-t".
// Word names and order: lib/ssm_words.hpp. Parameters p 2..6, L 2..6, N 1..3 (E = p + 1).
#pragma once

#include "lib/circuit.hpp"
#include "lib/component.hpp"

namespace tc {

Circuit build_scan_spec(const Params& params);         // honours the flag "recurrent"
Circuit build_conv_kernel_spec(const Params& params);
Circuit build_conv_ssm_spec(const Params& params);

}  // namespace tc
