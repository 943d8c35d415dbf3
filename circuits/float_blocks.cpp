// Shared float blocks (see float_blocks.hpp): linear forms, folded conditions, telescoping, and
// round-and-pack by selection.
//
// Round-and-pack, in layers above N (depth d):
//   d + 1  L_j, the leading-one selector for each candidate position j (an AND of literals);
//          [N + f >= carry boundary] AND L_j, the rounding carry into the next binade, folded;
//          nonzero, and "N is not a power of two" (one counting gate);
//   d + 2  for each j, each rounded significand bit under L_j (telescoping, L_j folded into its
//          last gate; positions j < p need no rounding and are one AND);
//          overflow / underflow tests on E + (j - p + 1) + carry, one gate each;
//   d + 3  the significand bits (OR over j); the exponent bits (telescoping over the exponent
//          form); the "round up to min" test;
//   d + 4  the packed word: saturation, underflow and the enable folded into one gate per bit.
// The exponent form's terms (operand exponent bits, case selectors) may be deeper than d; then
// the exponent parts sit correspondingly higher.
#include "circuits/float_blocks.hpp"

#include <algorithm>
#include <cassert>
#include <map>
#include <stdexcept>

namespace tc {

namespace {

// Keeps weight arithmetic far from int64 overflow (weights here stay below 2^50 for p <= 16
// and e <= 20).
constexpr int64_t kWeightLimit = int64_t{1} << 60;

int64_t pow2(int k) {
  assert(k >= 0 && k < 62);
  return int64_t{1} << k;
}

// constant + the largest sum of terms: every positive independent term, and the largest
// positive weight of each group (at most one member of a group is 1).
int64_t terms_max(const std::vector<LinearForm::Term>& terms, int64_t constant) {
  int64_t total = constant;
  std::map<int, int64_t> group_max;
  for (const auto& t : terms) {
    if (t.group < 0)
      total += std::max<int64_t>(t.weight, 0);
    else
      group_max[t.group] = std::max(group_max[t.group], t.weight);  // 0: none set
  }
  for (const auto& [g, m] : group_max) total += m;
  return total;
}

}  // namespace

// --- linear forms --------------------------------------------------------------------------------

void LinearForm::add(Signal bit, int64_t weight, int group) {
  assert(group < groups_);
  if (weight != 0) terms.push_back({bit, weight, group});
}

void LinearForm::add_unsigned(const Bits& word, int64_t scale) {
  for (size_t i = 0; i < word.size(); ++i) add(word[i], scale * pow2(static_cast<int>(i)));
}

void LinearForm::add_signed(const Bits& word, int64_t scale) {
  for (size_t i = 0; i < word.size(); ++i) {
    const int64_t w = scale * pow2(static_cast<int>(i));
    add(word[i], i + 1 == word.size() ? -w : w);  // the top bit weighs -2^(n-1)
  }
}

void LinearForm::add_form(const LinearForm& other, int64_t scale) {
  // Groups are renumbered so that the two forms' groups stay apart.
  std::map<int, int> renumber;
  constant += scale * other.constant;
  for (const Term& t : other.terms) {
    int g = -1;
    if (t.group >= 0) {
      auto [it, fresh] = renumber.try_emplace(t.group, 0);
      if (fresh) it->second = new_group();
      g = it->second;
    }
    add(t.bit, scale * t.weight, g);
  }
}

int LinearForm::new_group() { return groups_++; }

int64_t LinearForm::min_value() const {
  std::vector<Term> negated = terms;
  for (Term& t : negated) t.weight = -t.weight;
  return -terms_max(negated, -constant);
}

int64_t LinearForm::max_value() const { return terms_max(terms, constant); }

// --- single gates --------------------------------------------------------------------------------

Signal fb_gate(Circuit& circuit, const Bits& fanins, const std::vector<int64_t>& weights,
               int64_t threshold, const Bits& conditions) {
  assert(fanins.size() == weights.size());
  if (conditions.empty()) return circuit.create_threshold(fanins, weights, threshold);
  int64_t high = 0, low = 0;
  for (int64_t w : weights) (w > 0 ? high : low) += w;
  assert(high < kWeightLimit && -low < kWeightLimit);
  if (threshold > high) return kFalse;
  if (threshold <= low) return circuit.create_and(conditions);
  // With M above high - threshold, one false condition puts the sum out of reach.
  const int64_t m = high - threshold + 1;
  assert(m < kWeightLimit / static_cast<int64_t>(conditions.size() + 1));
  Bits all = fanins;
  std::vector<int64_t> all_weights = weights;
  for (Signal c : conditions) {
    all.push_back(c);
    all_weights.push_back(m);
  }
  return circuit.create_threshold(all, all_weights,
                                  threshold + m * static_cast<int64_t>(conditions.size()));
}

Signal fb_at_least(Circuit& circuit, const LinearForm& form, int64_t t, const Bits& conditions) {
  Bits fanins;
  std::vector<int64_t> weights;
  for (const auto& term : form.terms) {
    fanins.push_back(term.bit);
    weights.push_back(term.weight);
  }
  return fb_gate(circuit, fanins, weights, t - form.constant, conditions);
}

Signal fb_at_most(Circuit& circuit, const LinearForm& form, int64_t t, const Bits& conditions) {
  LinearForm negated;
  negated.add_form(form, -1);
  return fb_at_least(circuit, negated, -t, conditions);
}

Signal fb_xor(Circuit& circuit, Signal a, Signal b) {
  return circuit.create_or(circuit.create_and(a, !b), circuit.create_and(!a, b));
}

Signal fb_mux(Circuit& circuit, Signal sel, Signal a, Signal b) {
  return circuit.create_or(circuit.create_and(sel, a), circuit.create_and(!sel, b));
}

// --- telescoping with conditions
// -------------------------------------------------------------------

// sum_i (f(i) - f(i-1)) steps_i = f(count) - f(0), which lies in {0, 1} when f(0) = 0 and in
// {-1, 0} when f(0) = 1, so one more gate reads f(count); fb_gate folds the conditions in.
Signal fb_select_by_steps(Circuit& circuit, const Bits& steps, const std::vector<bool>& value,
                          const Bits& conditions) {
  assert(value.size() == steps.size() + 1);
  Bits fanins;
  std::vector<int64_t> weights;
  for (size_t i = 0; i < steps.size(); ++i) {
    if (value[i + 1] == value[i]) continue;
    fanins.push_back(steps[i]);
    weights.push_back(value[i + 1] ? 1 : -1);
  }
  if (fanins.empty()) return value[0] ? circuit.create_and(conditions) : kFalse;
  return fb_gate(circuit, fanins, weights, value[0] ? 0 : 1, conditions);
}

Signal fb_telescope(Circuit& circuit, const WeightedSum& sum, bool value_at_zero,
                    const std::vector<int64_t>& change_points, const Bits& conditions) {
  Bits steps;
  std::vector<bool> value{value_at_zero};
  for (int64_t t : change_points) {
    assert(t > 0 && (steps.empty() || t > change_points[steps.size() - 1]));
    steps.push_back(int_at_least(circuit, sum, t));
    value.push_back(!value.back());
  }
  return fb_select_by_steps(circuit, steps, value, conditions);
}

Signal fb_sum_bit(Circuit& circuit, const WeightedSum& sum, int64_t offset, int64_t s_max, int bit,
                  const Bits& conditions) {
  assert(offset >= 0 && bit >= 0 && bit < 62);
  const int64_t step = pow2(bit);
  std::vector<int64_t> points;
  // (S + offset) crosses a multiple of 2^bit at S = q 2^bit - offset.
  for (int64_t q = offset / step + 1; q * step - offset <= s_max; ++q)
    points.push_back(q * step - offset);
  return fb_telescope(circuit, sum, (offset >> bit) & 1, points, conditions);
}

Signal fb_form_bit(Circuit& circuit, const LinearForm& form, int bit, const Bits& conditions) {
  assert(bit >= 0 && bit < 60);
  const int64_t mod = pow2(bit + 1);
  auto reduce = [mod](int64_t x) { return ((x % mod) + mod) % mod; };
  // Weights reduced mod 2^(bit+1) keep the value mod 2^(bit+1), are nonnegative and keep the
  // sum short; the groups still bound it.
  std::vector<LinearForm::Term> reduced;
  WeightedSum sum;
  for (const auto& t : form.terms) {
    const int64_t w = reduce(t.weight);
    if (w == 0) continue;
    reduced.push_back({t.bit, w, t.group});
    sum.add_term(t.bit, w);
  }
  return fb_sum_bit(circuit, sum, reduce(form.constant), terms_max(reduced, 0), bit, conditions);
}

// --- normalization
// ---------------------------------------------------------------------------------

Bits fb_leading_one_literals(const Bits& n, int j) {
  Bits lits{n[j]};
  for (size_t i = j + 1; i < n.size(); ++i) lits.push_back(!n[i]);
  return lits;
}

// --- round and pack
// --------------------------------------------------------------------------------

namespace {

// The smallest V with round(V / 2^K) >= m + 1: the point where the rounded value leaves m.
int64_t round_step_at(RoundingMode mode, int64_t m, int K) {
  const int64_t unit = pow2(K), half = pow2(K - 1);
  switch (mode) {
    case RoundingMode::NearestEven:
      return m * unit + half + (m % 2 == 0 ? 1 : 0);
    case RoundingMode::NearestAway:
      return m * unit + half;
    case RoundingMode::TowardZero:
      return (m + 1) * unit;
  }
  return 0;
}

// Where bit t of round(V / 2^K) flips for V in (0, v_max]: at each step to a multiple of 2^t.
std::vector<int64_t> rounded_bit_change_points(RoundingMode mode, int K, int t, int64_t v_max) {
  std::vector<int64_t> points;
  for (int64_t q = 1;; ++q) {
    const int64_t v = round_step_at(mode, q * pow2(t) - 1, K);
    if (v > v_max) break;
    points.push_back(v);
  }
  return points;
}

}  // namespace

Bits fb_round_pack(Circuit& circuit, const UnroundedValue& value, FloatFormat f, const Bits& enable,
                   const RoundOptions& options) {
  const int p = f.p, e = f.e;
  const Bits& n = value.n;
  const int w = static_cast<int>(n.size());
  if (w < 1 || value.lead_lo < 0 || value.lead_lo >= w)
    throw std::invalid_argument("fb_round_pack: N is empty or lead_lo is out of range");
  const Signal sticky = options.use_sticky ? value.sticky : kFalse;

  const Signal nonzero = circuit.create_or(Bits(n.begin() + value.lead_lo, n.end()));
  LinearForm pre = value.exponent;  // E + (j - p + 1): the exponent before the rounding carry
  const int lead_group = pre.new_group();
  LinearForm post;  // pre + the carry
  const int carry_group = post.new_group();
  std::vector<Bits> cases(std::max(p - 1, 0));  // per significand bit below the leading one

  for (int j = value.lead_lo; j < w; ++j) {
    const Bits lead = fb_leading_one_literals(n, j);
    const int k = j - p + 1;  // bits of N below the kept p
    pre.add(circuit.create_and(lead), k + options.exponent_skew, lead_group);
    if (k <= 0) {
      // N fits: the significand is N shifted up by -k, no rounding.
      for (int t = -k; t < p - 1; ++t) {
        Bits lits = lead;
        lits.push_back(n[t + k]);
        cases[t].push_back(circuit.create_and(lits));
      }
      continue;
    }
    // V = 2 (N mod 2^(k+t+1)) + sticky: the sticky is the half-weight bit below N, and bit t
    // of round(V / 2^(k+1)) is bit t of the rounded significand (see float_blocks.hpp).
    for (int t = 0; t < p - 1; ++t) {
      WeightedSum v;
      v.add_term(sticky, 1);
      for (int i = 0; i <= k + t; ++i) v.add_term(n[i], pow2(i + 1));
      const int64_t v_max = pow2(k + t + 2) - 1;
      cases[t].push_back(fb_telescope(
          circuit, v, false, rounded_bit_change_points(options.mode, k + 1, t, v_max), lead));
    }
    if (options.carry_to_exponent) {
      // Rounding reaches 2^p: the significand becomes 2^(p-1) (bits below are then 0 by the
      // argument above) and the exponent grows by one.
      Bits fanins{sticky};
      std::vector<int64_t> weights{1};
      for (int i = 0; i <= j; ++i) {
        fanins.push_back(n[i]);
        weights.push_back(pow2(i + 1));
      }
      const int64_t boundary = round_step_at(options.mode, pow2(p) - 1, k + 1);
      post.add(fb_gate(circuit, fanins, weights, boundary, lead), 1, carry_group);
    }
  }
  post.add_form(pre, 1);

  Bits significand(p);
  for (int t = 0; t < p - 1; ++t) significand[t] = circuit.create_or(cases[t]);

  // Range checks on the normalized exponent, all false for N = 0.
  const Signal over =
      options.saturate ? fb_at_least(circuit, post, f.emax() + 1, {nonzero}) : kFalse;
  const Signal under = fb_at_most(circuit, pre, f.emin() - 1, {nonzero});
  // Below min only 0 and min remain; min wins when |value| > min / 2, i.e. the exponent is
  // emin - 1 and the value is not exactly the power of two min / 2 (for nearest-even).
  Bits to_min_conditions{under};
  Signal to_min = kFalse;
  if (options.mode != RoundingMode::TowardZero) {
    if (options.mode == RoundingMode::NearestEven) {
      Bits ones = n;
      ones.push_back(sticky);
      to_min_conditions.push_back(
          circuit.create_threshold(ones, std::vector<int64_t>(ones.size(), 1), 2));
    }
    to_min = fb_at_least(circuit, pre, f.emin() - 1, to_min_conditions);
  }

  // Pack: overflow gives max = (2^p - 1) * 2^emax, to_min gives 2^(p-1) * 2^emin, other
  // underflow the zero word.
  Bits word;
  for (int t = 0; t < p - 1; ++t)
    word.push_back(fb_gate(circuit, {over, significand[t], !under}, {2, 1, 1}, 2, enable));
  word.push_back(fb_gate(circuit, {over, to_min, nonzero, !under}, {2, 2, 1, 1}, 2, enable));
  for (int i = 0; i < e; ++i) {
    const Signal bit = fb_form_bit(circuit, post, i, {nonzero});
    if (i < e - 1)
      word.push_back(fb_gate(circuit, {over, bit, !under}, {2, 1, 1}, 2, enable));
    else
      word.push_back(fb_gate(circuit, {to_min, bit, !under, !over}, {2, 1, 1, 1}, 3, enable));
  }
  // The result is zero when N = 0 or it underflows to 0; ties of signs do not arise.
  word.push_back(options.clear_zero_sign ? fb_gate(circuit, {value.sign, nonzero, !under, to_min},
                                                   {1, 1, 1, 1}, 3, enable)
                                         : fb_gate(circuit, {value.sign}, {1}, 1, enable));
  return word;
}

Bits fb_or_words(Circuit& circuit, const std::vector<Bits>& words) {
  assert(!words.empty());
  Bits result;
  for (size_t i = 0; i < words[0].size(); ++i) {
    Bits column;
    for (const Bits& word : words) {
      assert(word.size() == words[0].size());
      column.push_back(word[i]);
    }
    result.push_back(circuit.create_or(column));
  }
  return result;
}

Bits fb_and_word(Circuit& circuit, const Bits& word, const Bits& conditions) {
  Bits result;
  for (Signal s : word) {
    Bits all = conditions;
    all.push_back(s);
    result.push_back(circuit.create_and(all));
  }
  return result;
}

bool fb_rounding_mutant(const std::string& mutant, RoundOptions& o) {
  if (mutant == "ties-away-from-zero")
    o.mode = RoundingMode::NearestAway;
  else if (mutant == "truncation")
    o.mode = RoundingMode::TowardZero;
  else if (mutant == "missing-saturation")
    o.saturate = false;
  else if (mutant == "rounding-carry-dropped")
    o.carry_to_exponent = false;
  else if (mutant == "exponent-off-by-one")
    o.exponent_skew = -1;
  else if (mutant == "negative-zero")
    o.clear_zero_sign = false;
  else if (mutant == "remainder-sticky-dropped")
    o.use_sticky = false;
  else
    return false;
  return true;
}

}  // namespace tc
