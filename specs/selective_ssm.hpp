// selective-ssm (paper Theorem 4.4, Def 3.22): the selective state-space layer as a composition
// of the parts selection -> discretize -> scan, with Mamba's optional skip (D) term and SiLU
// gate; its bit-level spec, and the default weights.
//
// Layer, for an input sequence x (L x D, words x<t>_<d>), state size N, per channel d:
//   B_t = x_t W_B, C_t = x_t W_C, Delta_t = softplus(x_t W_delta + b_delta)   (selection)
//   Abar_{t,d,n}, Bbar_{t,d,n} = discretize(Delta_{t,d}, A_{d,n}, B_{t,n})       (ZOH or --euler)
//   y_{t,d} = sum_n C_{t,n} h_{t,d,n},  h_{t,d,n} = sum_{i <= t} (prod_{i < j <= t} Abar_{j,d,n})
//             Bbar_{i,d,n} x_{i,d}                                              (scan, closed form)
//   --skip:   y_{t,d} <- round(y_{t,d} + round(D_skip_d x_{t,d}))                 (Mamba's D term)
//   --gate:   y_{t,d} <- round(y_{t,d} silu(z_{t,d}))                             (Mamba's z
//   branch)
// These are the facts of Mamba's reference (state-spaces/mamba, selective_scan_ref): Delta is
// per (time, channel) and broadcast over the N states (exp(Delta A_{d,n})); Bbar x = Delta B_t x
// in the code (our --euler), the zero-order hold in the paper; C_t is paired with h_t (the state
// after step t); the D term is added before the gate, out = (y + D u) silu(z).
// Each part is the finished component of its branch, embedded unchanged (specs/selection.hpp,
// specs/discretize.hpp, specs/scan.hpp) with ComposeOptions::cut_prefix "<role>/"; the blocks
// added here (fmul, fadd, silu) are leaf blocks with block_cut. The construction
// (circuits/selective_ssm.cpp) embeds the parts' constructions in the same pattern.
//
// Weights. Every part is built with its weights as input words, and the host feeds them: from
// its own weight words, which are constants when Params::weights holds the field
// (lib/weight_words.hpp) and circuit inputs otherwise. The registry fills the documented
// defaults below unless --weight-inputs is given, so that a proof's input space is only the
// activations (x, and z with --gate) and exhaustive simulation proves it.
// Weight fields (row-major): W_B (D x N), W_C (D x N), W_delta (D x D, x_t W_delta), b_delta (D),
// A (D x N), D_skip (D, with --skip).
#pragma once

#include <string>
#include <vector>

#include "lib/circuit.hpp"
#include "lib/component.hpp"
#include "lib/ssm_words.hpp"  // ssm_word: "x3_1" style names

namespace tc {

// The layer's weight fields and their shapes, in input-word order.
struct SsmWeightField {
  std::string name;
  int rows, cols;  // cols = 0: a vector of `rows` words named name<i>
};
std::vector<SsmWeightField> selective_ssm_weight_fields(const Params& params);

// Params with every weight field the caller did not give set to the documented default (values
// exact at every p >= 2): W_B = 0.75, W_C = 1.5, W_delta = 1.5 on the diagonal and 0.5 off it,
// b_delta = -0.5, A_{d,n} = -(n + 1) (Mamba's S4D-real initialisation), D_skip = 1.
// With the flag "weight-inputs" the params are returned unchanged (weights become inputs).
Params selective_ssm_with_default_weights(const Params& params);

// Checks L, N, D against the supported ranges; throws std::invalid_argument.
void selective_ssm_check(const Params& params);

// Input words x<t>_<d> (then z<t>_<d> with --gate, then the weights that are inputs), output
// words y<t>_<d>. Flags: euler, skip, gate.
Circuit build_selective_ssm_spec(const Params& params);

}  // namespace tc
