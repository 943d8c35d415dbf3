// mamba (paper Def 3.24, Theorem 4.5): one Mamba block as a composition of input projection,
// causal conv1d, SiLU, the selective SSM (with its skip term and SiLU(z) gate) and the output
// projection; its bit-level spec and the default weights.
//
// Block, for an input sequence x (L x D, words x<t>_<d>), inner width = D (expansion 1):
//   u = x W_in,  z = x W_z                        (matmul: each entry one exact dot product,
//                                                  rounded once; no bias, Mamba's default)
//   c = conv1d(u; W_conv, b_conv)                 (the conv1d part, causal, K taps)
//   a = silu(c)                                   (entry-wise, the silu component)
//   s = selective-ssm(a, z) with --skip --gate    (specs/selective_ssm.hpp: (y + D_skip a)
//                                                  silu(z), as Mamba's selective scan does)
//   out = s W_out                                 (matmul)
// This is Mamba's block (state-spaces/mamba: in_proj splits into x and z, causal conv1d with
// bias, SiLU, x_proj / dt_proj give B, C, Delta, selective scan with D and z, out_proj), and the
// paper's Def 3.24 O o (S o SiLU o Conv o I  (*)  SiLU o I). Differences, chosen and stated:
// the inner width equals D (Mamba: 2 D); Delta is x W_delta + b_delta with a full D x D W_delta
// (Mamba: a low-rank x_proj then dt_proj); B_t, C_t, Delta come from the conv output a, as in
// Mamba. Word names of outputs: out<t>_<d>.
// The SSM is embedded with cut_prefix "ssm/" (its parts' blocks become "ssm/select/...",
// "ssm/zoh-t-d/...", ...), conv1d with "conv/", and the leaf blocks added here (matmul, silu)
// with block_cut. The construction (circuits/mamba.cpp) follows the same pattern.
// Weight fields, in input-word order: W_in (D x D), W_z (D x D), W_conv (K x D), b_conv (D),
// the SSM's (W_B, W_C, W_delta, b_delta, A, D_skip), W_out (D x D).
#pragma once

#include "lib/circuit.hpp"
#include "lib/component.hpp"

namespace tc {

// Params with every missing weight field set to its default (exact at p >= 2): W_in = 1.5 on
// the diagonal, 0.5 off it; W_z = 0.75 / -0.5; W_conv<k>_<d> = 0.5, 1, 0.75, 1.5 for
// k = 0, 1, 2, 3; b_conv = 0.5; W_out = 0.75 / 0.5; the SSM's defaults
// (selective_ssm_with_default_weights, with D_skip). "weight-inputs": unchanged.
Params mamba_with_default_weights(const Params& params);

// The SSM's params inside the block: skip and gate on, euler as given.
Params mamba_ssm_params(const Params& params);

// Input words x<t>_<d> (then the weights that are inputs), output words out<t>_<d>.
Circuit build_mamba_spec(const Params& params);

}  // namespace tc
