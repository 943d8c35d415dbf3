// fadd: z = round_p(x + y), the exact sum rounded once, as a threshold circuit of depth 8.
//
// It follows Chiang's Lemma 10 (paper Lemma 3.12, part 1): align, add exactly with a
// constant-depth integer adder, then normalize and round once. Alignment is bounded, with the
// far case settled exactly rather than with a sticky bit:
//  - Far (|d| >= p + 2 for d = e_x - e_y): the result is the operand with the larger exponent,
//    unchanged. Say e_a - e_b = d; then |b| < 2^p 2^(e_b) = 2^(e_a + p - d) <= ulp(a) / 4. If
//    m_a is not a power of two, a's neighbours are ulp(a) away on both sides, so a +- b rounds
//    to a. If m_a = 2^(p-1) and the signs differ, a - b lies above a - ulp(a) / 4, and the grid
//    below a is ulp(a) / 2 fine, so it still rounds to a (never a tie: the bound is strict).
//    Every bit of b would only have fed the sticky bit, and the sticky cannot change the
//    result, so it is left out.
//  - Near (|d| <= p + 1): the exact sum is an integer at the smaller exponent,
//    N = |m_x 2^max(d,0) +- m_y 2^max(-d,0)| < 2^(2p+1). For each d and sign pattern, N's bits
//    come from one telescoping sum over input bits (a difference as big + ~small + 1 with the
//    order known: for d != 0 the shifted operand is larger, for d = 0 one comparison gate picks
//    the order), with the case tests [d >= delta], [d <= delta] and the sign literals folded
//    into its last gate; an OR over cases gives N at depth 3. fb_round_pack normalizes N over
//    every leading position (cancellation can leave any), rounds, saturates, underflows.
//    Exponent min(e_x, e_y) = e_y + sum over delta < 0 of delta [d = delta], a linear form.
//  - Zero operands pass the other operand through (x + 0 = x is exact).
// Sign: the sign of the operand of larger magnitude (the "magnitude-order" gate below); a zero
// sum is the canonical +0 (fb_round_pack clears it).
//
// Cut point: "magnitude-order", inputs m_x, e_x, m_y, e_y bits (in that order, LSB first),
// output [|x| < |y|] by the key (biased exponent, significand) as an unsigned integer, i.e.
// [2^p e_y + m_y > 2^p e_x + m_x] with exponents in two's complement; total over all patterns.
#include "circuits/float_add.hpp"

#include <algorithm>
#include <map>

#include "circuits/float_blocks.hpp"
#include "circuits/int_arith.hpp"
#include "circuits/int_mutants.hpp"
#include "lib/float_word.hpp"

namespace tc {

const std::vector<Mutant>& float_add_mutants() {
  static const std::vector<Mutant> mutants = {
      {"ties-away-from-zero", "rounds halfway sums away from zero instead of to even"},
      {"truncation", "drops the low sum bits instead of rounding to nearest"},
      {"missing-saturation", "an exponent above emax wraps around instead of saturating to max"},
      {"rounding-carry-dropped",
       "a significand that rounds up to 2^p becomes 2^(p-1) without bumping the exponent"},
      {"exponent-off-by-one", "normalization subtracts one too many from the exponent"},
      {"negative-zero", "x + (-x) keeps the sign of x (-0 for negative x)"},
      {"alignment-window-too-narrow",
       "treats d = p + 1 as far and returns the larger operand, losing the round-down past a "
       "power of two"},
  };
  return mutants;
}

namespace {

RoundOptions add_round_options(const std::string& mutant) {
  RoundOptions o;
  if (!fb_rounding_mutant(mutant, o) && mutant != "alignment-window-too-narrow" && !mutant.empty())
    int_unknown_mutant("fadd", mutant);
  return o;
}

// Bit i of big + small (operands as columns, kFalse where a word has no bit), AND conditions.
Signal sum_bit(Circuit& c, const Bits& big, const Bits& small, int i, const Bits& conditions) {
  WeightedSum s;
  for (int col = 0; col <= i; ++col) {
    if (big[col] != kFalse) s.add_term(big[col], int64_t{1} << col);
    if (small[col] != kFalse) s.add_term(small[col], int64_t{1} << col);
  }
  return fb_sum_bit(c, s, 0, s.max_value(), i, conditions);
}

// Bit i of big - small for big >= small: of big_{<=i} + (2^(i+1) - 1 - small_{<=i}) + 1, whose
// low i + 1 bits are those of the difference. Absent bits of small complement to constants.
Signal difference_bit(Circuit& c, const Bits& big, const Bits& small, int i,
                      const Bits& conditions) {
  WeightedSum s;
  int64_t offset = 1;
  for (int col = 0; col <= i; ++col) {
    if (big[col] != kFalse) s.add_term(big[col], int64_t{1} << col);
    if (small[col] != kFalse)
      s.add_term(!small[col], int64_t{1} << col);
    else
      offset += int64_t{1} << col;
  }
  return fb_sum_bit(c, s, offset, s.max_value(), i, conditions);
}

}  // namespace

Circuit float_add_construction(const Params& params) {
  const FloatFormat f = float_format(params);
  const RoundOptions options = add_round_options(params.mutant);
  const int p = f.p;
  // Exponent differences up to `window` are added exactly; beyond, the larger operand wins.
  const int window = params.mutant == "alignment-window-too-narrow" ? p : p + 1;
  const int width = p + window + 1;  // N < 2^(p + window + 1)
  Circuit c("float-add");
  const Bits xw = add_float_input(c, "x", f);
  const Bits yw = add_float_input(c, "y", f);
  const FloatBits x = split_float(xw, f), y = split_float(yw, f);
  const Signal x_nonzero = x.magnitude[p - 1], y_nonzero = y.magnitude[p - 1];

  LinearForm d;  // e_x - e_y
  d.add_signed(x.exponent, 1);
  d.add_signed(y.exponent, -1);
  std::map<int, Signal> ge, le;  // [d >= delta], [d <= delta]
  for (int delta = -window - 1; delta <= window + 1; ++delta) {
    ge[delta] = fb_at_least(c, d, delta);
    le[delta] = fb_at_most(c, d, delta);
  }

  // Magnitude order, also the sign rule: the result takes the sign of the larger operand.
  LinearForm key_difference;  // (2^p e_y + m_y) - (2^p e_x + m_x)
  key_difference.add_signed(y.exponent, int64_t{1} << p);
  key_difference.add_unsigned(y.magnitude, 1);
  key_difference.add_signed(x.exponent, -(int64_t{1} << p));
  key_difference.add_unsigned(x.magnitude, -1);
  const Signal y_larger = fb_at_least(c, key_difference, 1);
  Bits order_inputs;
  for (const Bits* w : {&x.magnitude, &x.exponent, &y.magnitude, &y.exponent})
    order_inputs.insert(order_inputs.end(), w->begin(), w->end());
  c.add_cut("magnitude-order", order_inputs, {y_larger});

  // N for every exponent difference and sign pattern.
  const Signal x_ge_y = int_compare_ge(c, x.magnitude, y.magnitude);
  std::vector<Bits> cases(width);
  LinearForm exponent;  // min(e_x, e_y) = e_y + min(d, 0)
  exponent.add_signed(y.exponent, 1);
  const int smaller_x = exponent.new_group();
  for (int delta = -window; delta <= window; ++delta) {
    const int shift_x = std::max(delta, 0), shift_y = std::max(-delta, 0);
    Bits a(width, kFalse), b(width, kFalse);
    for (int i = 0; i < p; ++i) {
      a[i + shift_x] = x.magnitude[i];
      b[i + shift_y] = y.magnitude[i];
    }
    if (delta < 0) exponent.add(c.create_and(ge[delta], le[delta]), delta, smaller_x);
    const Bits here{ge[delta], le[delta]};
    auto with = [&here](const Bits& more) {
      Bits conds = here;
      conds.insert(conds.end(), more.begin(), more.end());
      return conds;
    };
    // Same signs: N = A + B < 2^(p + |delta| + 1).
    const int top = p + std::max(shift_x, shift_y);
    for (int i = 0; i <= top && i < width; ++i) {
      cases[i].push_back(sum_bit(c, a, b, i, with({x.sign, y.sign})));
      cases[i].push_back(sum_bit(c, a, b, i, with({!x.sign, !y.sign})));
    }
    // Opposite signs: N = |A - B| < 2^top; for delta != 0 the shifted operand is the larger.
    for (int i = 0; i < top; ++i) {
      for (const Bits& signs : {Bits{x.sign, !y.sign}, Bits{!x.sign, y.sign}}) {
        if (delta > 0) {
          cases[i].push_back(difference_bit(c, a, b, i, with(signs)));
        } else if (delta < 0) {
          cases[i].push_back(difference_bit(c, b, a, i, with(signs)));
        } else {
          Bits x_first = with(signs), y_first = with(signs);
          x_first.push_back(x_ge_y);
          y_first.push_back(!x_ge_y);
          cases[i].push_back(difference_bit(c, a, b, i, x_first));
          cases[i].push_back(difference_bit(c, b, a, i, y_first));
        }
      }
    }
  }
  Bits n;
  for (const Bits& bits : cases) n.push_back(c.create_or(bits));

  UnroundedValue exact;
  exact.n = n;
  exact.exponent = exponent;
  exact.sign = fb_mux(c, y_larger, y.sign, x.sign);
  const Bits near =
      fb_round_pack(c, exact, f, {x_nonzero, y_nonzero, ge[-window], le[window]}, options);
  // Far or zero operands: pass one operand through (a zero word passes as zeros).
  const Bits x_far = fb_and_word(c, xw, {ge[window + 1]}),
             x_alone = fb_and_word(c, xw, {!y_nonzero});
  const Bits y_far = fb_and_word(c, yw, {le[-window - 1]}),
             y_alone = fb_and_word(c, yw, {!x_nonzero});
  add_float_output(c, "z", fb_or_words(c, {near, x_far, x_alone, y_far, y_alone}), f);
  return c;
}

}  // namespace tc
