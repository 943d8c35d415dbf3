// The exact sum of n signed, scaled significands rounded once, polynomial in the exponent width:
// clusters of nearby exponents, each summed exactly in a window of its own, and the highest
// nonzero cluster rounded with the sign of the next one as a sticky. fsum and matmul use it by
// default; float_sum_blocks.hpp's exponent-aligned sum (2^E columns) stays behind --align-all.
//
// Why it is exact (see float_sum_window.cpp for the circuit): sort the nonzero terms by exponent
// and cut where two neighbours lie more than D binades apart. Each cluster's sum S_C is an
// integer multiple of 2^(its least exponent), and every cluster's span is at most (n - 1) D, so
// one window of (n - 1) D + w + log n bits holds it exactly. If C is the highest cluster with
// S_C != 0, the clusters above it add 0 and the ones below add R with |R| < 2^(e_C - g) (D large
// enough), while |S_C| >= 2^e_C. Then S_C + R and S_C + sign(R) 2^(e_C - g - 1)... lie in the
// same open interval between multiples of 2^(e_C - g), whose ends are all the rounding
// decisions that matter once g >= p + 1 (every breakpoint of round_p at magnitudes >= 2^e_C is
// such a multiple): so the sum rounds like S_C 2^g + sign(R) in units of 2^(e_C - g).
// Function names share the prefix fsw_ (float sum windows). Words are least significant bit first.
#pragma once

#include <vector>

#include "circuits/float_blocks.hpp"
#include "lib/circuit.hpp"
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

// round_p(sum of the terms) as a float word of format f. Constant depth (31 above the terms'
// signals when they are inputs), size polynomial in n, w and p and independent of the exponent
// range beyond the comparators' weights.
Bits fsw_round_exact_sum(Circuit& circuit, const std::vector<WindowTerm>& terms, FloatFormat f,
                         const RoundOptions& options = {});

}  // namespace tc
