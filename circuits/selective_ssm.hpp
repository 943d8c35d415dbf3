// selective-ssm (paper Theorem 4.4): the selective SSM layer as a composition of the threshold
// constructions of its parts: selection -> discretize (per time step and channel) -> scan (per
// channel), with Mamba's optional skip (D) term and SiLU gate. The algorithm, word names and
// weights are fixed by specs/selective_ssm.hpp; this side embeds selection_construction,
// discretize_construction and scan_construction with cut_prefix "<role>/" and the leaf blocks
// (float_mul, float_add, silu) with block_cut, in the same pattern as the spec.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "lib/circuit.hpp"
#include "lib/component.hpp"
#include "lib/float_word.hpp"

namespace tc {

// Input words x<t>_<d> (z<t>_<d> with --gate, then the weights without constants), output
// words y<t>_<d>. Honours the mutants of selective_ssm_mutants() and of
// selective_ssm_flag_mutants().
Circuit selective_ssm_construction(const Params& params);
// Caught at the default flags.
const std::vector<Mutant>& selective_ssm_mutants();
// Mistakes in the optional terms: they need --skip resp. --gate (else std::invalid_argument);
// the mamba component, whose SSM has both, lists them.
const std::vector<Mutant>& selective_ssm_flag_mutants();
// Declares the layer's weight words in the spec's order (W_B, W_C (D x N), W_delta (D x D),
// b_delta (D), A (D x N), D_skip (D, with --skip)): constants when Params::weights holds them,
// inputs otherwise; adds them to `words` by name. For hosts that embed the layer (mamba).
void selective_ssm_add_weight_words(Circuit& c, const Params& params, FloatFormat f,
                                    std::map<std::string, Bits>& words);

}  // namespace tc
