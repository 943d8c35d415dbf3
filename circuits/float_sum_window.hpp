// The exact sum of n signed, scaled significands rounded once, polynomial in the exponent width:
// clusters of nearby exponents, each summed exactly in a window of its own, and the highest
// nonzero cluster rounded with the sign of the next one as a sticky. fsum and matmul use it with
// the flag "windows", and so do the SSM parts' fsum and matmul blocks when their composite
// carries it (fsw_block_params; the registry sets it by default for five of them); without it
// they take float_sum_blocks.hpp's exponent-aligned sum (2^E columns), which shares a cut with
// the spec.
//
// Why it is exact (see float_sum_window.cpp for the circuit): sort the nonzero terms by exponent
// and cut where two neighbours lie more than D binades apart. Each cluster's sum S_C is an
// integer multiple of 2^(its least exponent e_C), and a cluster spans at most (n - 1) D binades,
// so one window of (n - 1) D + w + log n bits holds it exactly. If C is the highest cluster with
// S_C != 0, the clusters above it add 0 and the ones below add R with |R| < 2^(e_C - g) (D large
// enough), while |S_C| >= 2^e_C. In units of 2^(e_C - g), S_C 2^g + R and S_C 2^g + sign(R) lie
// in the same open interval between two integers, and once g >= p + 1 every breakpoint of
// round_p at magnitudes >= 2^(e_C - 1) is an integer there: both round alike (g = p + 2 here).
// D = w + g + bit_width(n). Size about n^3 D w gates (n windows of n terms, each aligned over
// (n - 1) D + 1 shifts); the exponent width enters only the comparators' weights.
// SAT proves it against the aligned spec without a shared cut, so only at small sizes (fsum p = 4,
// E = 5: n = 2 in 16 s CPU, n = 3 no verdict in 7 CPU minutes).
// Function names share the prefix fsw_ (float sum windows). Words are least significant bit first.
#pragma once

#include <vector>

#include "circuits/float_blocks.hpp"
#include "lib/circuit.hpp"
#include "lib/component.hpp"
#include "lib/float_word.hpp"

namespace tc {

// One signed term (-1)^negative * significand * 2^exponent.
struct WindowTerm {
  Bits significand;     // unsigned, any width w
  LinearForm exponent;  // over the circuit's signals
  Signal nonzero;       // [significand != 0] (a caller may AND in "enabled", as mutants do)
  Signal negative = kFalse;
};

// A float word as a term: its magnitude, exponent and sign; nonzero is the OR of the magnitude.
WindowTerm fsw_float_term(Circuit& circuit, const FloatBits& x);

// round_p(sum of the terms) as a float word of format f. Depth 30 above the terms' signals
// (fsum; 29 with two terms; matmul one more for its products), the same at every p and exponent
// width.
Bits fsw_round_exact_sum(Circuit& circuit, const std::vector<WindowTerm>& terms, FloatFormat f,
                         const RoundOptions& options = {});

// The parameters of an fsum or matmul block of format f, or of a part built of such blocks,
// inside a composite (the SSM parts):
// the composite's --windows choice is carried to the block, so one flag makes every exact sum
// of the composite polynomial in E.
Params fsw_block_params(FloatFormat f, const Params& composite);

// The largest p an SSM construction builds (lib/ssm_words.hpp's limits): polynomial sums with
// --windows, the aligned blocks' smaller limit without.
int fsw_ssm_p_max(const Params& composite);

}  // namespace tc
