// conv-ssm: the convolution form of a time-invariant SSM, paper Def A.8 and Lemma 4.3:
// y = K * x, y_t = sum_(k<=t) K_k x_(t-k), with K from conv-kernel.
//
// The kernel is the conv-kernel construction embedded whole (its block cuts re-declared with the
// prefix "kernel/"); each y_t is one matmul block "y-t" (1 x (t+1) by (t+1) x 1: the exact dot
// product rounded once). Valid only for a time-invariant SSM: when Abar, Bbar, C depend on the
// input (the selective model, scan), no fixed kernel reproduces the recurrence (a test shows a
// counterexample by simulation).
#pragma once

#include <vector>

#include "lib/circuit.hpp"
#include "lib/component.hpp"

namespace tc {

// Inputs Abar<n>, Bbar<n>, C<n>, x<t>; outputs y<t>, t < L. Honours params.mutant.
Circuit conv_ssm_construction(const Params& params);
const std::vector<Mutant>& conv_ssm_mutants();

}  // namespace tc
