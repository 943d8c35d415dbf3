// The bit-level spec of scan (paper Def A.5/A.6, Lemmas B.6, 4.2): every block "exact, then round
// once", built from the float spec builders (build_float_prod_spec, build_float_sum_spec,
// build_float_mul_spec, build_float_add_spec, build_float_matmul_spec; specs/ssm_blocks.hpp)
// with this file's own wiring. Independent of circuits/.
//
// scan (closed form, the default): for each state n and time t,
//   term(t, i, n) = round_p(Abar_(i+1)[n] ... Abar_t[n] * Bbar_i[n] * x_i)   block "term-t-i-n"
//                   (operands in that order; two operands: the fmul spec, one: no block)
//   h_t[n]        = round_p(sum_(i<=t) term(t, i, n))                         block "h-t-n" (t >=
//   1) y_t           = round_p(sum_n C_t[n] h_t[n])     1 x N by N x 1 matmul    block "y-t"
// scan, flag "recurrent": h_0[n] = round_p(Bbar_0 x_0) ("bx-0-n"); for t >= 1
//   bx = round_p(Bbar_t x_t) ("bx-t-n"), ah = round_p(Abar_t h_(t-1)) ("ah-t-n"),
//   h_t = round_p(ah + bx) ("h-t-n"); y_t as above.
// Word names and order: lib/ssm_words.hpp. Parameters p 2..6, L 2..6, N 1..3 (E = p + 1).
#pragma once

#include "lib/circuit.hpp"
#include "lib/component.hpp"

namespace tc {

Circuit build_scan_spec(const Params& params);  // honours the flag "recurrent"

}  // namespace tc
