// Exact aligned sums and their single rounding (see float_sum_blocks.hpp).
//
// Layers of fsb_exact_sum above its inputs (depth 0 when they are primary inputs):
//   1  [exponent = k] AND m_i, one AND per exponent value and significand bit;
//   2  the aligned signed bits: pos = OR of the ANDs landing in the column, AND !s; neg likewise
//      AND s (the exponent selectors are one-hot, so at most one AND is set);
//   4  bits of every block sum F_B of P and of Q (telescoping);
//   5  per block of L + H: generate [X >= 2^b] and [X >= 2^b - 1];
//   6  carry terms: G_A AND (strict propagate of every block between A and B);
//   8  bits of P and Q: bit t of X_B + (sum of carry terms into B), telescoping;
//   9 .. 12  T = P + ~Q + 1 by the same carry-lookahead.
#include "circuits/float_sum_blocks.hpp"

#include <algorithm>
#include <bit>
#include <cassert>
#include <stdexcept>

namespace tc {

namespace {

int64_t pow2(int k) {
  assert(k >= 0 && k < 62);
  return int64_t{1} << k;
}

Signal bit_or_false(const Bits& x, int i) { return i < static_cast<int>(x.size()) ? x[i] : kFalse; }

// Block widths: weights stay below 2^17, far inside int64. Any width works for T = P - Q (a
// block of two words carries at most 1 out).
constexpr int kColumnBlock = 16;
constexpr int kDifferenceBlock = 4;

int64_t lowest_exponent(const std::vector<SumTerm>& terms) {
  int64_t lo = terms.at(0).exponent_lo;
  for (const SumTerm& t : terms) lo = std::min(lo, t.exponent_lo);
  return lo;
}

}  // namespace

Bits fsb_word_equals(const Bits& exponent, int64_t k) {
  Bits lits;
  for (size_t i = 0; i < exponent.size(); ++i)
    lits.push_back(exponent[i] ^ !((static_cast<uint64_t>(k) >> i) & 1));
  return lits;
}

SumTerm fsb_float_term(const FloatBits& x, FloatFormat f) {
  SumTerm term;
  term.significand = x.magnitude;
  term.exponent_lo = f.emin();
  for (int64_t k = f.emin(); k <= f.emax(); ++k)
    term.exponent_is.push_back(fsb_word_equals(x.exponent, k));
  term.negative = x.sign;
  return term;
}

// --- integer blocks ----------------------------------------------------------------------------

std::vector<int> fsb_uniform_blocks(int width, int block) {
  assert(block >= 1);
  std::vector<int> starts;
  for (int i = 0; i < width; i += block) starts.push_back(i);
  return starts;
}

Bits fsb_add_two(Circuit& c, const Bits& a, const Bits& b, bool carry_in, int width,
                 const std::vector<int>& block_starts) {
  const int blocks = static_cast<int>(block_starts.size());
  assert(blocks >= 1 && block_starts[0] == 0);
  std::vector<int> size(blocks), block_of(width);
  for (int blk = 0; blk < blocks; ++blk) {
    size[blk] = (blk + 1 < blocks ? block_starts[blk + 1] : width) - block_starts[blk];
    assert(size[blk] >= 1 && size[blk] < 40);
    for (int t = 0; t < size[blk]; ++t) block_of[block_starts[blk] + t] = blk;
  }
  // X_B = a_B + b_B (+ carry_in in block 0): constant bits go to the offset.
  std::vector<WeightedSum> x(blocks);
  std::vector<int64_t> offset(blocks, 0);
  offset[0] = carry_in ? 1 : 0;
  for (int i = 0; i < width; ++i) {
    const int blk = block_of[i], t = i - block_starts[blk];
    for (Signal s : {bit_or_false(a, i), bit_or_false(b, i)}) {
      if (s == kTrue)
        offset[blk] += pow2(t);
      else if (s != kFalse)
        x[blk].add_term(s, pow2(t));
    }
  }
  std::vector<Signal> generate(blocks), all_ones_or_more(blocks);
  for (int blk = 0; blk < blocks; ++blk) {
    generate[blk] = int_at_least(c, x[blk], pow2(size[blk]) - offset[blk]);
    all_ones_or_more[blk] = int_at_least(c, x[blk], pow2(size[blk]) - 1 - offset[blk]);
  }
  // Carry into block B: block A < B generates and every block strictly between propagates
  // (X = 2^size - 1 exactly). The terms for different A exclude each other.
  std::vector<Bits> carry_terms(blocks);
  for (int blk = 1; blk < blocks; ++blk)
    for (int from = 0; from < blk; ++from) {
      Bits lits{generate[from]};
      for (int mid = from + 1; mid < blk; ++mid) {
        lits.push_back(all_ones_or_more[mid]);
        lits.push_back(!generate[mid]);
      }
      carry_terms[blk].push_back(c.create_and(lits));
    }
  Bits sum;
  for (int i = 0; i < width; ++i) {
    const int blk = block_of[i], t = i - block_starts[blk];
    WeightedSum s;
    int64_t s_max = carry_terms[blk].empty() ? 0 : 1;
    for (size_t k = 0; k < x[blk].bits.size(); ++k)
      if (x[blk].weights[k] <= pow2(t)) {  // higher bits add multiples of 2^(t+1)
        s.add_term(x[blk].bits[k], x[blk].weights[k]);
        s_max += x[blk].weights[k];
      }
    for (Signal carry : carry_terms[blk]) s.add_term(carry, 1);
    sum.push_back(fb_sum_bit(c, s, offset[blk] % pow2(t + 1), s_max, t));
  }
  return sum;
}

Bits fsb_add_columns(Circuit& c, const Columns& columns, int width, int block) {
  size_t most = 0;
  for (int col = 0; col < width && col < static_cast<int>(columns.size()); ++col)
    most = std::max(most, columns[col].size());
  // F_B <= m (2^b - 1), so its high part is at most m - 1 < 2^b_min: it fits in any block but
  // the top one (where what overflows the word is dropped anyway). Block 0 never generates a
  // carry (H starts in block 1), so the carry logic reaches its full depth only a few blocks
  // up: blocks 0 to 3 are b_min wide, so that every word but the tiniest has them and the depth
  // is the same at every width (measured: p = 2..16, n = 2..8, E = 3..7). The rest are
  // kColumnBlock wide, which makes the miter easier: within a block, bit t is one telescoping
  // sum of the columns up to t, as in int_arith.
  const int b_min = std::max(2, static_cast<int>(std::bit_width(most > 0 ? most - 1 : 0)));
  std::vector<int> starts;
  for (int i = 0; i < width;
       i += starts.size() < 4 ? b_min : std::max(b_min, block > 0 ? block : kColumnBlock))
    starts.push_back(i);
  const int blocks = static_cast<int>(starts.size());
  Bits low(width, kFalse), high(width, kFalse);
  for (int blk = 0; blk < blocks; ++blk) {
    const int first = starts[blk], b = (blk + 1 < blocks ? starts[blk + 1] : width) - first;
    std::vector<WeightedSum> upto(b);  // the bits of columns first .. first + t
    for (int t = 0; t < b && first + t < static_cast<int>(columns.size()); ++t)
      for (Signal s : columns[first + t])
        if (s != kFalse)
          for (int u = t; u < b; ++u) upto[u].add_term(s, pow2(t));
    for (int t = 0; t < b; ++t) low[first + t] = fb_sum_bit(c, upto[t], 0, upto[t].max_value(), t);
    const WeightedSum& all = upto[b - 1];
    const int64_t f_max = all.max_value();
    for (int t = b; (f_max >> t) > 0 && first + t < width; ++t)
      high[first + t] = fb_sum_bit(c, all, 0, f_max, t);
  }
  return fsb_add_two(c, low, high, false, width, starts);
}

// --- the exact sum -------------------------------------------------------------------------------

int fsb_sum_width(const std::vector<SumTerm>& terms) {
  const int64_t lo = lowest_exponent(terms);
  int64_t hi = lo;
  size_t w = 0;
  for (const SumTerm& t : terms) {
    hi = std::max(hi, t.exponent_lo + static_cast<int64_t>(t.exponent_is.size()) - 1);
    w = std::max(w, t.significand.size());
  }
  const int log_n = static_cast<int>(std::bit_width(terms.size() - 1));
  return static_cast<int>(hi - lo) + static_cast<int>(w) + log_n + 1;
}

ExactSum fsb_exact_sum(Circuit& c, const std::vector<SumTerm>& terms) {
  if (terms.empty()) throw std::invalid_argument("fsb_exact_sum: no terms");
  for (const SumTerm& t : terms)
    if (t.exponent_is.empty() || t.significand.empty())
      throw std::invalid_argument("fsb_exact_sum: a term without exponent values or significand");
  ExactSum result;
  result.exponent_lo = lowest_exponent(terms);
  const int width = fsb_sum_width(terms);
  const int n = static_cast<int>(terms.size());

  // Aligned signed bits, per term and column (kFalse where the term never reaches the column).
  std::vector<Bits> pos(n, Bits(width - 1, kFalse)), neg(n, Bits(width - 1, kFalse));
  std::vector<std::vector<char>> reaches(n, std::vector<char>(width - 1, 0));
  Columns positive(width - 1), negative(width - 1);
  for (int j = 0; j < n; ++j) {
    const SumTerm& term = terms[j];
    std::vector<Bits> landing(width - 1);
    for (size_t k = 0; k < term.exponent_is.size(); ++k) {
      const int64_t shift = term.exponent_lo + static_cast<int64_t>(k) - result.exponent_lo;
      for (size_t i = 0; i < term.significand.size(); ++i) {
        Bits lits = term.exponent_is[k];
        lits.push_back(term.significand[i]);
        landing[shift + i].push_back(c.create_and(lits));
      }
    }
    for (int col = 0; col < width - 1; ++col) {
      if (landing[col].empty()) continue;
      reaches[j][col] = 1;
      const std::vector<int64_t> ones(landing[col].size(), 1);
      pos[j][col] = fb_gate(c, landing[col], ones, 1, {!term.negative, term.enabled});
      neg[j][col] = fb_gate(c, landing[col], ones, 1, {term.negative, term.enabled});
      positive[col].push_back(pos[j][col]);
      negative[col].push_back(neg[j][col]);
    }
  }
  const Bits p = fsb_add_columns(c, positive, width - 1);
  const Bits q = fsb_add_columns(c, negative, width - 1);
  Bits not_q;
  for (int i = 0; i < width; ++i) not_q.push_back(!bit_or_false(q, i));
  result.difference =
      fsb_add_two(c, p, not_q, true, width, fsb_uniform_blocks(width, kDifferenceBlock));
  result.positive = p;
  result.negative = q;

  for (int col = 0; col < width; ++col) {
    if (col < width - 1) {
      for (int j = 0; j < n; ++j)
        if (reaches[j][col]) {
          result.cut_outputs.push_back(pos[j][col]);
          result.cut_outputs.push_back(neg[j][col]);
        }
      result.cut_outputs.push_back(p[col]);
      result.cut_outputs.push_back(q[col]);
    }
    result.cut_outputs.push_back(result.difference[col]);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------

Bits fsb_round_sum(Circuit& c, const Bits& t, int64_t exponent_lo, FloatFormat f,
                   const RoundOptions& options) {
  LinearForm base;
  base.constant = exponent_lo;
  return fsb_round_sum(c, t, base, f, options);
}

Bits fsb_round_sum(Circuit& c, const Bits& t, const LinearForm& exponent_lo, FloatFormat f,
                   const RoundOptions& options) {
  const int width = static_cast<int>(t.size());
  const int p = f.p;
  if (width < 2) throw std::invalid_argument("fsb_round_sum: T needs a sign and a bit");
  const Signal negative = t[width - 1];

  // |T| bit k = T_k XOR (negative AND some lower bit set): the OR of two gates,
  // [T_k AND NOT (negative AND any)] = [(k+1) T_k - k negative - sum_(i<k) T_i >= 1] and
  // [NOT T_k AND negative AND any].
  Bits magnitude{t[0]};
  for (int k = 1; k < width - 1; ++k) {
    Bits fanins{t[k], negative};
    std::vector<int64_t> weights{k + 1, -k};
    const Bits below(t.begin(), t.begin() + k);
    for (Signal s : below) {
      fanins.push_back(s);
      weights.push_back(-1);
    }
    const Signal kept = c.create_threshold(fanins, weights, 1);
    const Signal flipped = fb_gate(c, below, std::vector<int64_t>(k, 1), 1, {negative, !t[k]});
    magnitude.push_back(c.create_or(kept, flipped));
  }

  // The (p + 2)-bit window below and at the leading one, and the sticky OR of what lies below
  // it; the exponent form adds the window's position.
  const int w = static_cast<int>(magnitude.size());
  std::vector<Bits> window_cases(p + 1);
  Bits sticky_cases;
  UnroundedValue value;
  value.exponent = exponent_lo;
  const int lead_group = value.exponent.new_group();
  for (int j = 0; j < w; ++j) {
    const Bits lead = fb_leading_one_literals(magnitude, j);
    const int shift = j - (p + 1);  // window bit u is magnitude bit u + shift
    value.exponent.add(c.create_and(lead), shift, lead_group);
    for (int u = 0; u <= p; ++u) {
      if (u + shift < 0) continue;
      Bits lits = lead;
      lits.push_back(magnitude[u + shift]);
      window_cases[u].push_back(c.create_and(lits));
    }
    if (shift > 0) {
      const Bits below(magnitude.begin(), magnitude.begin() + shift);
      sticky_cases.push_back(fb_gate(c, below, std::vector<int64_t>(shift, 1), 1, lead));
    }
  }
  for (const Bits& cases : window_cases)
    value.n.push_back(cases.empty() ? kFalse : c.create_or(cases));
  value.n.push_back(c.create_or(magnitude));  // the leading one itself, when |T| > 0
  value.lead_lo = p + 1;
  value.sticky = sticky_cases.empty() ? kFalse : c.create_or(sticky_cases);
  value.sign = negative;
  return fb_round_pack(c, value, f, {}, options);
}

}  // namespace tc
