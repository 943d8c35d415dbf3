// Constant-depth threshold blocks shared by the float constructions (fadd, fmul, fdiv, ffloor,
// fcmp): gates over signed linear forms, telescoping with folded conditions, leading-one
// detection, and "round and pack", the last stage of every rounding operation.
//
// The proofs behind them are Chiang's Lemmas 10-11 (paper Lemma 3.12): a float result is the
// exact value computed by integer blocks, then normalized and rounded once, and every step is a
// threshold function of a bounded weighted sum. Two facts carry the constant depth here:
//  - A gate ANDed with conditions is one gate: [S >= T] and c_1 .. c_n is
//    [S + M (c_1 + .. + c_n) >= T + M n] with M above the range of S (fb_gate). A telescoping
//    sum (REFERENCE.md section 3) takes its conditions in its last gate the same way, so a case
//    split (one case per leading-one position, per exponent difference, per sign pattern) costs
//    no extra layer: each case is computed under its conditions, then one OR joins the cases.
//  - Rounding needs no adder after the fact: bit t of round(N / 2^k) depends only on
//    N mod 2^(k+t+1), because adding a multiple of 2^(k+t+1) adds an even multiple of 2^t to the
//    rounded value and keeps the tie parity. So each rounded significand bit is a telescoping
//    function of a short weighted sum of N's bits, one per leading-one position (normalization
//    by selection, with rounding folded in).
// Function names share the prefix fb_ (float blocks). Words are least significant bit first.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "circuits/int_arith.hpp"
#include "lib/circuit.hpp"
#include "lib/float_word.hpp"

namespace tc {

// --- signed linear forms ---------------------------------------------------------------------

// c + sum_i w_i x_i with weights of any sign. Terms with the same group >= 0 are mutually
// exclusive (at most one is 1, e.g. a one-hot case selector); that only tightens range bounds.
struct LinearForm {
  struct Term {
    Signal bit;
    int64_t weight;
    int group;  // -1: independent
  };
  int64_t constant = 0;
  std::vector<Term> terms;

  void add(Signal bit, int64_t weight, int group = -1);
  void add_unsigned(const Bits& word, int64_t scale);  // + scale * (unsigned word)
  void add_signed(const Bits& word, int64_t scale);    // + scale * (two's complement word)
  void add_form(const LinearForm& other, int64_t scale);
  int new_group();
  int64_t min_value() const;  // over assignments that respect the groups
  int64_t max_value() const;

 private:
  int groups_ = 0;
};

// --- single gates --------------------------------------------------------------------------------

// [sum w_i x_i >= threshold] AND every condition, as one gate (conditions folded with a weight
// above the range of the sum). Folds to a constant or a plain AND where the sum is constant.
Signal fb_gate(Circuit& circuit, const Bits& fanins, const std::vector<int64_t>& weights,
               int64_t threshold, const Bits& conditions = {});
// [form >= t] and conditions, one gate.
Signal fb_at_least(Circuit& circuit, const LinearForm& form, int64_t t,
                   const Bits& conditions = {});
// [form <= t] and conditions, one gate.
Signal fb_at_most(Circuit& circuit, const LinearForm& form, int64_t t, const Bits& conditions = {});
// a XOR b in two layers (OR of the two one-sided ANDs); constructions have no XOR gate.
Signal fb_xor(Circuit& circuit, Signal a, Signal b);
// sel ? a : b in two layers.
Signal fb_mux(Circuit& circuit, Signal sel, Signal a, Signal b);

// --- telescoping with conditions
// -------------------------------------------------------------------

// f(count) AND conditions, where steps are nested (steps[i] implies steps[i - 1]), count is the
// number of true steps and value[c] = f(c) (value.size() == steps.size() + 1). Depth: one gate
// above the steps and conditions; steps where f does not change are left out.
Signal fb_select_by_steps(Circuit& circuit, const Bits& steps, const std::vector<bool>& value,
                          const Bits& conditions = {});
// f(S) AND conditions for S = sum (nonnegative weights) <= s_max, f(0) = value_at_zero, f flipping
// exactly at change_points (increasing, in (0, s_max]). Depth 2 over the sum's bits.
Signal fb_telescope(Circuit& circuit, const WeightedSum& sum, bool value_at_zero,
                    const std::vector<int64_t>& change_points, const Bits& conditions = {});
// Bit `bit` of (S + offset) for S = sum <= s_max, offset >= 0, AND conditions. Depth 2.
Signal fb_sum_bit(Circuit& circuit, const WeightedSum& sum, int64_t offset, int64_t s_max, int bit,
                  const Bits& conditions = {});
// Bit `bit` of the form's value in two's complement (i.e. of value mod 2^(bit+1)), AND
// conditions. Weights are reduced mod 2^(bit+1), so the sum stays short. Depth 2.
Signal fb_form_bit(Circuit& circuit, const LinearForm& form, int bit, const Bits& conditions = {});

// --- normalization
// ---------------------------------------------------------------------------------

// The literals whose AND says "the leading one of n is at position j": n_j and !n_i for i > j.
Bits fb_leading_one_literals(const Bits& n, int j);

// --- round and pack
// --------------------------------------------------------------------------------

enum class RoundingMode {
  NearestEven,  // round_p of the paper: nearest, ties to the even significand
  NearestAway,  // nearest, ties away from zero (only for mutants)
  TowardZero,   // truncation (only for mutants)
};

// How fb_round_pack rounds. The defaults are the paper's round_p with the decisions of
// specs/float_exact.hpp; every other setting models a realistic mistake for a mutant.
struct RoundOptions {
  RoundingMode mode = RoundingMode::NearestEven;
  bool use_sticky = true;         // false: the sticky bit is ignored (treats "above half" as a tie)
  bool saturate = true;           // false: an overflowing exponent wraps around
  bool carry_to_exponent = true;  // false: rounding up to 2^p does not bump the exponent
  bool clear_zero_sign = true;    // false: a zero result keeps the sign (-0)
  int exponent_skew = 0;          // added to the normalized exponent (off-by-one mistakes)
};

// The rounding-stage mistakes shared by the float mutants ("ties-away-from-zero", "truncation",
// "missing-saturation", "rounding-carry-dropped", "exponent-off-by-one", "negative-zero",
// "remainder-sticky-dropped"): sets `o` and returns true when `mutant` names one of them.
bool fb_rounding_mutant(const std::string& mutant, RoundOptions& o);

// |value| = (N + f) * 2^E with f = 0 when !sticky and 0 < f < 1 when sticky.
// Preconditions (on the inputs that matter): a nonzero N has its leading one at a position in
// [lead_lo, n.size() - 1]; sticky = 1 only when that position is >= p (at least one bit of N is
// rounded away, so f can never decide a tie by itself).
struct UnroundedValue {
  Bits n;
  int lead_lo = 0;
  Signal sticky = kFalse;
  LinearForm exponent;  // E; terms may be gates of any depth
  Signal sign = kFalse;
};

// The float word nearest to the value: normalize by selection (a one-hot leading-one selector,
// one case per position), round (nearest even, sticky-aware), bump the exponent when rounding
// reaches 2^p, saturate above max, send values below min to 0 or +-min (the tie min / 2 to 0), a
// zero result is the canonical zero. Every output bit is ANDed with `enable`, so the caller can
// OR several alternatives. Depth: depth(N) + 4 when the sticky is no deeper than N and the
// exponent form's terms are at most one layer deeper; deeper inputs add their excess.
Bits fb_round_pack(Circuit& circuit, const UnroundedValue& value, FloatFormat f,
                   const Bits& enable = {}, const RoundOptions& options = {});

// OR of words bit by bit (alternatives of which at most one is enabled). Depth 1.
Bits fb_or_words(Circuit& circuit, const std::vector<Bits>& words);
// Every bit of word ANDed with conditions. Depth 1.
Bits fb_and_word(Circuit& circuit, const Bits& word, const Bits& conditions);

}  // namespace tc
