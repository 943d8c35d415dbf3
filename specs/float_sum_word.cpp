// Wide fixed-point sums for the iterated float specs (see float_sum_word.hpp).
#include "specs/float_sum_word.hpp"

#include <algorithm>
#include <bit>
#include <stdexcept>

#include "specs/float_bits.hpp"
#include "specs/float_round.hpp"

namespace tc {

namespace {

int64_t magnitude_of(int64_t k) { return k < 0 ? -k : k; }

int64_t lowest_exponent(const std::vector<SpecTerm>& terms) {
  int64_t lo = terms.at(0).exponent_lo;
  for (const SpecTerm& t : terms) lo = std::min(lo, t.exponent_lo);
  return lo;
}

Bits and_each(Circuit& c, const Bits& x, Signal s) {
  Bits y;
  for (Signal b : x) y.push_back(c.create_and(b, s));
  return y;
}

}  // namespace

int sum_word_width(const std::vector<SpecTerm>& terms) {
  int64_t hi = terms.at(0).exponent_hi;
  size_t w = 0;
  for (const SpecTerm& t : terms) {
    hi = std::max(hi, t.exponent_hi);
    w = std::max(w, t.significand.size());
  }
  const int log_n = static_cast<int>(std::bit_width(terms.size() - 1));
  return static_cast<int>(hi - lowest_exponent(terms)) + static_cast<int>(w) + log_n + 1;
}

SpecSum sum_word_exact(Circuit& c, const std::vector<SpecTerm>& terms) {
  SpecSum result;
  const int64_t lo = result.exponent_lo = lowest_exponent(terms);
  const int width = sum_word_width(terms);
  Bits p = bits_constant(0, width - 1), q = p;
  std::vector<Bits> positive, negative;  // per term, aligned and split by sign
  for (const SpecTerm& term : terms) {
    // shift = e - lo in [0, exponent_hi - lo], computed one bit wider than either operand.
    const int ew =
        std::max<int>(static_cast<int>(term.exponent.size()), bits_width_of(magnitude_of(lo)) + 1) +
        1;
    const Bits shift = bits_sub(c, bits_sign_extend(term.exponent, ew), bits_constant(lo, ew));
    const int shift_bits = std::max(bits_width_of(term.exponent_hi - lo), 1);
    const Bits aligned = bits_shift_left(c, bits_zero_extend(term.significand, width - 1),
                                         bits_slice(shift, 0, shift_bits));
    positive.push_back(and_each(c, aligned, !term.negative));
    negative.push_back(and_each(c, aligned, term.negative));
    p = bits_add(c, p, positive.back());
    p.pop_back();  // P < 2^(W-1): no carry out
    q = bits_add(c, q, negative.back());
    q.pop_back();
  }
  result.difference = bits_sub(c, bits_zero_extend(p, width), bits_zero_extend(q, width));

  // The cut word: term j reaches column col when col - shift lands inside its significand for
  // some shift in [exponent_lo - lo, exponent_hi - lo].
  for (int col = 0; col < width; ++col) {
    if (col < width - 1) {
      for (size_t j = 0; j < terms.size(); ++j) {
        const int64_t first = terms[j].exponent_lo - lo;
        const int64_t last =
            terms[j].exponent_hi - lo + static_cast<int64_t>(terms[j].significand.size()) - 1;
        if (col < first || col > last) continue;
        result.cut_outputs.push_back(positive[j][col]);
        result.cut_outputs.push_back(negative[j][col]);
      }
      result.cut_outputs.push_back(p[col]);
      result.cut_outputs.push_back(q[col]);
    }
    result.cut_outputs.push_back(result.difference[col]);
  }
  return result;
}

Bits sum_word_round(Circuit& c, const Bits& t, int64_t exponent_lo, FloatFormat f) {
  const int width = static_cast<int>(t.size());
  const Signal negative = t[width - 1];
  // |T| = (T XOR negative) + negative, the conditional two's complement negation.
  Bits flipped;
  for (Signal s : t) flipped.push_back(c.create_xor(s, negative));
  const Bits magnitude =
      bits_slice(bits_add(c, flipped, bits_constant(0, width), negative), 0, width - 1);
  const int ew = std::max(bits_width_of(magnitude_of(exponent_lo)) + 2, f.e + 1);
  return float_round(c, {negative, magnitude, bits_constant(exponent_lo, ew), kFalse}, f);
}

}  // namespace tc
