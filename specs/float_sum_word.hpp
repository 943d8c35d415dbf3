// Spec building blocks for iterated float addition: every term shifted into one wide
// fixed-point word, added with ripple-carry adders, then rounded once (fsum and matmul specs).
//
// This is "exact, then round once" written the plainest way: a barrel shifter puts each
// significand at its exponent's column; ripple adders sum the positive terms into P and the
// negative ones into Q; T = P - Q by a ripple subtractor; float_round (specs/float_round.hpp)
// rounds |T| * 2^lo. W is wide enough that nothing is lost. Independent of circuits/.
//
// The construction declares the same cut word (circuits/float_sum_blocks.hpp, ExactSum): column
// by column, every term's aligned bit split by sign, then P_c, Q_c, T_c. The spec builds that
// word from its own signals, so the miter can prove the two exact sums equal bit by bit and
// share them (lib/sat/cut_points.hpp).
#pragma once

#include <cstdint>
#include <vector>

#include "lib/circuit.hpp"
#include "lib/float_word.hpp"

namespace tc {

// (-1)^negative * significand * 2^exponent, with exponent in [exponent_lo, exponent_hi].
struct SpecTerm {
  Bits significand;  // unsigned
  Bits exponent;     // two's complement
  int64_t exponent_lo = 0, exponent_hi = 0;
  Signal negative = kFalse;
};

struct SpecSum {
  int64_t exponent_lo = 0;  // lo = the least exponent_lo
  Bits difference;          // T = P - Q, W bits, two's complement
  Bits cut_outputs;         // the cut word described above
};

// W = (max exponent_hi - lo) + (widest significand) + bit_width(n - 1) + 1.
int sum_word_width(const std::vector<SpecTerm>& terms);

// P, Q and T = sum_j (-1)^s_j m_j 2^(e_j - lo).
SpecSum sum_word_exact(Circuit& c, const std::vector<SpecTerm>& terms);

// The float word round_p(T * 2^exponent_lo).
Bits sum_word_round(Circuit& c, const Bits& t, int64_t exponent_lo, FloatFormat f);

}  // namespace tc
