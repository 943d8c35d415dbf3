// Exact sums by cluster windows (see float_sum_window.hpp).
//
// Exponent comparisons [e_i - e_j >= t] are single gates on the difference of two linear forms.
// With D the cluster gap:
//   bottom_j  term j starts a cluster: nonzero, and no nonzero term within D binades below it
//             (ties broken by index, so a cluster has exactly one bottom);
//   top_k     no nonzero term in (e_k, e_k + D]: a cut lies just above e_k;
//   member_ij i is in the cluster of bottom j: nonzero, e_i >= e_j, and no top_k with
//             e_j <= e_k < e_i;
// then per bottom j the window S_j = sum of member terms m_i 2^(e_i - e_j) (float_sum_blocks'
// exact sum, every shift 0 .. (n - 1) D one case) and S_j - 1 from the same P and Q. The highest
// bottom with S_j != 0 is selected; the highest nonzero one below it gives sign(R). The word
// handed to the rounding is S_j 2^g + sign(R) in two's complement: S_j 2^g or S_j 2^g + 1, or
// (S_j - 1) 2^g + (2^g - 1) when R < 0, at exponent e_j - g.
#include "circuits/float_sum_window.hpp"

#include <algorithm>
#include <bit>
#include <stdexcept>

#include "circuits/float_sum_blocks.hpp"
#include "lib/ssm_words.hpp"

namespace tc {

namespace {

// Block width of the S_j - 1 subtraction (the same as float_sum_blocks' T = P - Q).
constexpr int kDifferenceBlock = 4;

LinearForm difference(const LinearForm& a, const LinearForm& b) {
  LinearForm d = a;
  d.add_form(b, -1);
  return d;
}

}  // namespace

WindowTerm fsw_float_term(Circuit& c, const FloatBits& x) {
  WindowTerm term;
  term.significand = x.magnitude;
  term.exponent.add_signed(x.exponent, 1);
  term.nonzero = c.create_or(x.magnitude);
  term.negative = x.sign;
  return term;
}

Bits fsw_round_exact_sum(Circuit& c, const std::vector<WindowTerm>& terms, FloatFormat f,
                         const RoundOptions& options) {
  const int n = static_cast<int>(terms.size());
  if (n == 0) throw std::invalid_argument("fsw_round_exact_sum: no terms");
  int w = 0;
  for (const WindowTerm& t : terms) w = std::max(w, static_cast<int>(t.significand.size()));
  // g >= p + 1 puts every rounding breakpoint of a magnitude >= 2^e_j on a multiple of
  // 2^(e_j - g); one more bit of margin costs one column. D makes the clusters below the
  // selected one sum to less than 2^(e_j - g): (n - 1) 2^w 2^(e_j - D - 1) <= 2^(e_j - g).
  const int g = f.p + 2;
  const int64_t gap = w + g + static_cast<int>(std::bit_width(static_cast<unsigned>(n)));

  // d[i][j] = e_i - e_j, and the widest shift a member can have.
  std::vector<std::vector<LinearForm>> d(n, std::vector<LinearForm>(n));
  int64_t span = 0;
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      d[i][j] = difference(terms[i].exponent, terms[j].exponent);
      span = std::max(span, d[i][j].max_value());
    }
  span = std::min(span, (n - 1) * gap);
  auto at_least = [&](int i, int j, int64_t t, const Bits& conditions = {}) {
    return fb_at_least(c, d[i][j], t, conditions);
  };
  auto at_most = [&](int i, int j, int64_t t) { return fb_at_most(c, d[i][j], t); };

  // Cluster bottoms and tops.
  std::vector<Signal> bottom(n), top(n);
  for (int j = 0; j < n; ++j) {
    Bits bottom_lits{terms[j].nonzero}, top_lits{terms[j].nonzero};
    for (int i = 0; i < n; ++i) {
      if (i == j) continue;
      // i lies in [e_j - D, e_j) (or at e_j with a smaller index): j is not a bottom.
      const Signal below = at_most(i, j, i < j ? 0 : -1);
      bottom_lits.push_back(!at_least(i, j, -gap, {terms[i].nonzero, below}));
      // i lies in (e_j, e_j + D]: no cut just above j.
      top_lits.push_back(!at_least(i, j, 1, {terms[i].nonzero, at_most(i, j, gap)}));
    }
    bottom[j] = c.create_and(bottom_lits);
    top[j] = c.create_and(top_lits);
  }

  // Per bottom j: the exact window sum S_j of its cluster, and S_j - 1.
  std::vector<Bits> sum(n), sum_minus_one(n);
  int width = 0;
  for (int j = 0; j < n; ++j) {
    std::vector<SumTerm> window;
    for (int i = 0; i < n; ++i) {
      Bits member{terms[i].nonzero};
      if (i != j) member.push_back(at_least(i, j, 0));
      for (int k = 0; k < n; ++k)
        if (k != i) member.push_back(!c.create_and({top[k], at_least(k, j, 0), at_least(i, k, 1)}));
      SumTerm term;
      term.significand = terms[i].significand;
      term.exponent_lo = 0;
      for (int64_t v = 0; v <= span; ++v) {
        if (i == j)
          term.exponent_is.push_back(v == 0 ? Bits{} : Bits{kFalse});
        else
          term.exponent_is.push_back({at_least(i, j, v), at_most(i, j, v)});
      }
      term.negative = terms[i].negative;
      term.enabled = c.create_and(member);
      window.push_back(term);
    }
    const ExactSum exact = fsb_exact_sum(c, window);
    width = static_cast<int>(exact.difference.size());
    Bits not_q;
    for (int t = 0; t < width; ++t)
      not_q.push_back(t < static_cast<int>(exact.negative.size()) ? !exact.negative[t] : kTrue);
    sum[j] = exact.difference;
    sum_minus_one[j] = fsb_add_two(c, exact.positive, not_q, false, width,
                                   fsb_uniform_blocks(width, kDifferenceBlock));
  }

  // nonzero cluster sums, the highest one, and the highest one below each.
  std::vector<Signal> live(n), first(n), any_below(n), negative_below(n);
  for (int j = 0; j < n; ++j)
    live[j] = fb_gate(c, sum[j], std::vector<int64_t>(sum[j].size(), 1), 1, {bottom[j]});
  for (int j = 0; j < n; ++j) {
    Bits first_lits{live[j]}, below_cases, negative_cases;
    for (int k = 0; k < n; ++k) {
      if (k == j) continue;
      first_lits.push_back(!c.create_and({live[k], at_least(k, j, 1)}));
      Bits next_lits{live[k], at_least(j, k, 1)};  // k below j, and nothing live between
      for (int l = 0; l < n; ++l)
        if (l != j && l != k)
          next_lits.push_back(!c.create_and({live[l], at_least(l, k, 1), at_least(j, l, 1)}));
      below_cases.push_back(c.create_and(next_lits));
      next_lits.push_back(sum[k].back());
      negative_cases.push_back(c.create_and(next_lits));
    }
    first[j] = c.create_and(first_lits);
    any_below[j] = c.create_or(below_cases);
    negative_below[j] = c.create_or(negative_cases);
  }

  // The selected window as S 2^g + sign(R), and its exponent e_j - g.
  Bits word;
  for (int t = 0; t < g; ++t) {
    Bits cases;
    for (int j = 0; j < n; ++j)
      cases.push_back(c.create_and({first[j], t == 0 ? any_below[j] : negative_below[j]}));
    word.push_back(c.create_or(cases));
  }
  for (int t = 0; t < width; ++t) {
    Bits cases;
    for (int j = 0; j < n; ++j) {
      cases.push_back(c.create_and({first[j], negative_below[j], sum_minus_one[j][t]}));
      cases.push_back(c.create_and({first[j], !negative_below[j], sum[j][t]}));
    }
    word.push_back(c.create_or(cases));
  }
  LinearForm base;
  base.constant = -g;
  for (int j = 0; j < n; ++j) {
    const LinearForm& e = terms[j].exponent;
    if (e.constant != 0) base.add(first[j], e.constant);
    for (const LinearForm::Term& t : e.terms) base.add(c.create_and(first[j], t.bit), t.weight);
  }
  return fsb_round_sum(c, word, base, f, options);
}

int fsw_ssm_p_max(const Params& composite) {
  return composite.flag("windows") ? kSsmPMaxWindows : kSsmPMax;
}

Params fsw_block_params(FloatFormat f, const Params& composite) {
  Params block = float_params(f);
  if (composite.flag("windows")) block.flags.insert("windows");
  return block;
}

}  // namespace tc
