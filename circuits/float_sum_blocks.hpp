// Constant-depth blocks for iterated float addition: the exact sum of many signed, scaled
// significands as one wide fixed-point word, and its single rounding. fsum and matmul share them.
//
// The proof shape is Chiang's Lemma 11 (paper Lemma 3.12 part 3, Lemma 3.16): align every term
// to a common exponent, add exactly with constant-depth iterated integer addition, normalize by
// selection, round once. Alignment is exact over the whole exponent range (no window and no
// sticky: with three or more terms, large terms can cancel exactly and expose a tiny one), so
// the aligned word is as wide as the exponent range: about 2^E + p bits. What keeps the depth
// constant and the weights inside int64 at that width:
//  - Block sums (fsb_add_columns). Columns are grouped into blocks of b <= 16 bits; each
//    block's column sum F_B < m 2^b (m bits per column at most) has bits that are telescoping
//    functions of at most m b bits with weights below 2^b (depth 2). Then sum_B F_B 2^(bB) = L + H,
//    two words: L holds the low b bits of every F_B, H the high bits shifted one block up, and m -
//    1 < 2^b keeps each piece of H inside its block.
//  - Carry-lookahead over blocks (fsb_add_two). A block of a + b carries at most 1 out; it
//    generates when its sum is >= 2^b and propagates when it is exactly 2^b - 1. The carry into
//    block B is a sum of mutually exclusive ANDs (block A generates, all between propagate), so
//    the last telescoping layer takes the carry terms directly, with weight 1.
//  - Signs by two sums. P adds the positive terms and Q the negative ones, both sparse unsigned
//    iterated sums; T = P - Q is one two-word subtraction. Then |T| is T with every bit above
//    the lowest one flipped when T < 0 (two gates per bit), and the leading one of |T| selects a
//    (p + 2)-bit window and a sticky bit for fb_round_pack.
// Function names share the prefix fsb_ (float sum blocks). Words are least significant bit first.
#pragma once

#include <cstdint>
#include <vector>

#include "circuits/float_blocks.hpp"
#include "circuits/int_arith.hpp"
#include "lib/circuit.hpp"
#include "lib/float_word.hpp"

namespace tc {

// One signed term (-1)^negative * significand * 2^exponent of an exact sum. The exponent is one
// of exponent_lo .. exponent_lo + exponent_is.size() - 1, and the AND of exponent_is[k] says
// "the exponent is exponent_lo + k" (exactly one holds on every input). A term whose significand
// is 0 contributes nothing, whatever its exponent.
struct SumTerm {
  Bits significand;  // unsigned
  int64_t exponent_lo = 0;
  std::vector<Bits> exponent_is;  // one literal list per exponent value
  Signal negative = kFalse;
  Signal enabled = kTrue;  // false: the term is left out (only mutants clear it)
};

// The literals for "the two's complement word `exponent` equals k".
Bits fsb_word_equals(const Bits& exponent, int64_t k);

// A float (split into fields) as a sum term over every exponent of the format.
SumTerm fsb_float_term(const FloatBits& x, FloatFormat f);

// --- integer blocks ----------------------------------------------------------------------------

// The sum of all column bits (column c weighs 2^c) modulo 2^width: block sums, then
// fsb_add_two of the two non-overlapping words. Depth 6 above the column bits. block: the width
// of the upper blocks (0: 16, what fsum and matmul use; tall columns want narrower blocks).
Bits fsb_add_columns(Circuit& circuit, const Columns& columns, int width, int block = 0);
// a + b + carry_in modulo 2^width (words zero-extended), by carry-lookahead over blocks that
// start at block_starts (increasing, the first 0). Depth 4 above a and b.
Bits fsb_add_two(Circuit& circuit, const Bits& a, const Bits& b, bool carry_in, int width,
                 const std::vector<int>& block_starts);
// 0, block, 2 block, ... below width.
std::vector<int> fsb_uniform_blocks(int width, int block);

// --- the exact sum -------------------------------------------------------------------------------

// The exact sum T = P - Q with P = sum over positive terms of m_j 2^(e_j - lo), Q likewise over
// negative terms, lo = the least exponent_lo. W = span + w + bit_width(n - 1) + 1 bits, where
// span = (largest possible exponent) - lo and w = the widest significand: P, Q < 2^(W - 1).
struct ExactSum {
  int64_t exponent_lo = 0;
  Bits difference;  // T, W bits, two's complement
  Bits positive;    // P, W - 1 bits
  Bits negative;    // Q, W - 1 bits
  // The cut-point word, column by column (c = 0 .. W - 1): for each term j that reaches column
  // c (c - shift_j in [0, w_j) for some possible shift_j = e_j - lo), its aligned bit AND !s_j
  // and its aligned bit AND s_j; then P_c and Q_c (for c < W - 1); then T_c. Proving it bit by
  // bit in this order makes each bit's proof local: the lower bits are already known equal.
  Bits cut_outputs;
};
int fsb_sum_width(const std::vector<SumTerm>& terms);
// Depth 12 above the significand, exponent and sign signals when they are inputs: aligned
// signed bits 2, P and Q 6, T = P - Q 4.
ExactSum fsb_exact_sum(Circuit& circuit, const std::vector<SumTerm>& terms);

// round_p(T * 2^exponent_lo) for T in two's complement, as a float word of format f.
// Depth 8 above T: |T| 2, leading-one window and sticky 2, fb_round_pack 4.
Bits fsb_round_sum(Circuit& circuit, const Bits& t, int64_t exponent_lo, FloatFormat f,
                   const RoundOptions& options = {});
// The same with the weight of T's bit 0 a linear form (its terms at most one layer deeper than T
// plus 4, so the depth stays 8 above T).
Bits fsb_round_sum(Circuit& circuit, const Bits& t, const LinearForm& exponent_lo, FloatFormat f,
                   const RoundOptions& options = {});

}  // namespace tc
