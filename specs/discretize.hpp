// Discretization of the SSM (paper Def A.4, Lemma B.2), diagonal A as in Mamba, one channel: the
// algorithm, its design constant, and its bit-level spec as a composition of the float specs.
//
// Inputs: delta (the step Delta > 0), a0..a(N-1) (the diagonal of A; Mamba has a_i < 0),
// b0..b(N-1). Outputs: Abar0..Abar(N-1), Bbar0..Bbar(N-1). All p-bit floats, E = p + 1.
// Zero-order hold, computed in F1 = (p1, p1 + 1), p1 = p + c, c = kDiscretizeGuardBits:
//   D, A_i, B_i = widen(delta, a_i, b_i)         exact
//   z_i    = round_p1(D A_i)                      one float multiplication (exact when p1 >= 2p)
//   y_i    = exp_p1(z_i)                          exp's algorithm at p1
//   Abar_i = round_p(y_i)                         narrowing
//   f_i    = phi_p1(z_i)                          phi(z) = (e^z - 1)/z, specs/expm1_ratio.hpp at p1
//   Bbar_i = round_p(round_p1(round_p1(D f_i) B_i))
// i.e. Bbar = (Delta phi(Delta a)) b = (e^(Delta a) - 1)/a b, the ZOH, written so that a_i = 0 or
// Delta = 0 is no special case: phi(0) = 1 exactly, so a_i = 0 gives round_p(round_p1(Delta b)),
// the limit Delta b (one rounding when p1 >= 2p, i.e. p <= 4: then round_p(Delta b) exactly), and
// Delta = 0 gives Abar = 1, Bbar = 0 exactly.
// Flag "euler": Bbar_i = round_p(delta b_i), one float multiplication at p (what Mamba's
// selective_scan_ref does); Abar is unchanged.
// Every float operation is embedded as a block (ComposeOptions::block_cut) named
// "discretize/<role>-<i>" on both sides (z, exp, delta-phi, bbar, euler), phi as a composite with
// cut_prefix "discretize/phi-<i>/"; widening and narrowing are glue. The error bounds are in
// specs/discretize_lemmas.hpp; c trades size (exp and fdiv at p1) against them.
#pragma once

#include "lib/circuit.hpp"
#include "lib/component.hpp"
#include "lib/float_word.hpp"

namespace tc {

inline constexpr int kDiscretizeGuardBits = 4;  // c: p1 = p + c

struct DiscretizeDesign {
  int p = 4;
  int p1 = 8;
  int N = 2;
  bool euler = false;
  FloatFormat narrow() const { return {p, p + 1}; }
  FloatFormat wide() const { return {p1, p1 + 1}; }
};
// The design for the parameters (2 <= p <= 12 so that exp exists at p1; 1 <= N <= 16).
DiscretizeDesign discretize_design(const Params& params);

// Inputs "delta", "a0".., "b0"..; outputs "Abar0".., "Bbar0"...
Circuit build_discretize_spec(const Params& params);

}  // namespace tc
