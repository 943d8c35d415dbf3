// Lowering the weights of threshold gates (see lower_weights.hpp).
#include "lib/lower_weights.hpp"

#include <algorithm>
#include <bit>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>

namespace tc {

namespace {

// Beyond this many thermometer wires one gate is refused rather than built (a run must not take
// the machine down; lower_weights.hpp: about 2 L n^3 wires).
constexpr int64_t kMaxWiresPerGate = int64_t{1} << 25;

class LoweredGate {
 public:
  LoweredGate(Circuit& c, const std::vector<Signal>& fanins, const std::vector<int64_t>& weights,
              int64_t threshold)
      : c_(c), fanins_(fanins), n_(static_cast<int64_t>(fanins.size())) {
    beta_ = std::bit_width(static_cast<uint64_t>(n_));
    base_ = int64_t{1} << beta_;
    int64_t total = 0;
    for (int64_t w : weights) total += w;
    const int bits = std::bit_width(static_cast<uint64_t>(std::max(total, threshold)));
    levels_ = std::max(1, (bits + beta_ - 1) / beta_);
    digits_.resize(levels_);
    t_.resize(levels_);
    bmax_.assign(levels_, 0);
    for (int j = 0; j < levels_; ++j) {
      for (int64_t w : weights) {
        digits_[j].push_back((w >> (beta_ * j)) & (base_ - 1));
        bmax_[j] += digits_[j].back();
      }
      t_[j] = (threshold >> (beta_ * j)) & (base_ - 1);
    }
    thermometer_.resize(levels_);
    indicators_.resize(levels_);
    int64_t wires = 0;
    for (int64_t b : bmax_) wires += b * n_;
    if (wires > kMaxWiresPerGate)
      throw std::length_error("lowering a gate of fan-in " + std::to_string(n_) + " and " +
                              std::to_string(bits) + "-bit weights needs " + std::to_string(wires) +
                              " thermometer wires (limit " + std::to_string(kMaxWiresPerGate) +
                              ")");
  }

  Signal build() {
    // ok[j]: P_j is in the window, given that every level above is (the chain's link at j).
    std::vector<Signal> ok(levels_);
    for (int j = 0; j < levels_; ++j) {
      std::vector<Signal> links;
      for (int64_t u = -(n_ - 1); u <= 0; ++u)
        links.push_back(c_.create_and(digit_up_is(j, u), digit_down_is(j + 1, u)));
      ok[j] = c_.create_or(links);
    }
    std::vector<Signal> terms;
    for (int k = 0; k < levels_; ++k) {
      // P_k = 2^b P_(k+1) + B_k - t_k reaches 1 (0 at level 0) for the P_(k+1) the chain gives.
      const int64_t needed = k == 0 ? 0 : 1;
      std::vector<Signal> decisive;
      for (int64_t v = -(n_ - 1); v <= 0; ++v)
        decisive.push_back(
            c_.create_and(digit_down_is(k + 1, v), at_least(k, needed + t_[k] - base_ * v)));
      std::vector<Signal> term = {c_.create_or(decisive)};
      for (int j = k + 1; j < levels_; ++j) term.push_back(ok[j]);
      terms.push_back(c_.create_and(term));
    }
    return c_.create_or(terms);
  }

 private:
  // The P_(j+1) in the window that digit sum B at level j allows with P_j in the window.
  std::optional<int64_t> up(int j, int64_t b) const {
    const int64_t d = b - t_[j];
    // The u with d + 2^b u in (-2^b, 0]: u = floor(-d / 2^b).
    const int64_t u = d <= 0 ? (-d) / base_ : -((d + base_ - 1) / base_);
    const int64_t v = d + base_ * u;
    if (v < -(n_ - 1) || u < -(n_ - 1) || u > 0) return std::nullopt;
    return u;
  }

  // [B_j >= a], from the thermometer of level j.
  Signal at_least(int j, int64_t a) {
    if (a <= 0) return kTrue;
    if (a > bmax_[j]) return kFalse;
    auto it = thermometer_[j].find(a);
    if (it != thermometer_[j].end()) return it->second;
    const Signal s = c_.create_threshold(fanins_, digits_[j], a);
    thermometer_[j].emplace(a, s);
    return s;
  }

  // The indicators [up(B_j) = u] (which P_(j+1) level j allows) and [P_j = v] (P_j = B_j - t_j +
  // 2^b P_(j+1)) for every u, v in the window, read off one walk over B_j = 0..bmax_j: each is
  // [sum_a (f(a) - f(a-1)) [B_j >= a] >= 1 - f(0)], weights +-1. Built once per level.
  struct Indicators {
    std::vector<Signal> up_is, down_is;  // index: value + n - 1
  };
  const Indicators& indicators(int j) {
    if (indicators_[j]) return *indicators_[j];
    const size_t width = static_cast<size_t>(n_);
    std::vector<std::vector<Signal>> steps(2 * width);  // up values, then down values
    std::vector<std::vector<int64_t>> signs(2 * width);
    std::vector<bool> at_zero(2 * width, false);
    // The two indicator slots level j's digit sum b selects (none: outside the window).
    auto slots = [&](int64_t b) -> std::pair<int64_t, int64_t> {
      const std::optional<int64_t> u = up(j, b);
      if (!u) return {-1, -1};
      const int64_t v = b - t_[j] + base_ * *u;
      return {*u + n_ - 1, static_cast<int64_t>(width) + v + n_ - 1};
    };
    auto [up0, down0] = slots(0);
    if (up0 >= 0) at_zero[up0] = at_zero[down0] = true;
    for (int64_t a = 1, up_prev = up0, down_prev = down0; a <= bmax_[j]; ++a) {
      const auto [up_now, down_now] = slots(a);
      for (auto [prev, now] : {std::pair{up_prev, up_now}, std::pair{down_prev, down_now}}) {
        if (prev == now) continue;
        const Signal step = at_least(j, a);
        if (prev >= 0) steps[prev].push_back(step), signs[prev].push_back(-1);
        if (now >= 0) steps[now].push_back(step), signs[now].push_back(1);
      }
      up_prev = up_now;
      down_prev = down_now;
    }
    Indicators result;
    for (size_t k = 0; k < 2 * width; ++k) {
      const Signal s = steps[k].empty()
                           ? (at_zero[k] ? kTrue : kFalse)
                           : c_.create_threshold(steps[k], signs[k], at_zero[k] ? 0 : 1);
      (k < width ? result.up_is : result.down_is).push_back(s);
    }
    indicators_[j] = std::move(result);
    return *indicators_[j];
  }

  // [the chain's P_(j+1) is u], as level j's digit sum sees it.
  Signal digit_up_is(int j, int64_t u) { return indicators(j).up_is[u + n_ - 1]; }

  // [P_j is v], as level j's digit sum sees it; above the top level P is 0.
  Signal digit_down_is(int j, int64_t v) {
    if (j == levels_) return v == 0 ? kTrue : kFalse;
    return indicators(j).down_is[v + n_ - 1];
  }

  Circuit& c_;
  const std::vector<Signal>& fanins_;
  int64_t n_;
  int beta_ = 1;
  int64_t base_ = 2;
  int levels_ = 1;
  std::vector<std::vector<int64_t>> digits_;  // digits_[j][i]: base-2^b digit j of weight i
  std::vector<int64_t> t_, bmax_;             // threshold digits; largest digit sum per level
  std::vector<std::map<int64_t, Signal>> thermometer_;
  std::vector<std::optional<Indicators>> indicators_;  // per level, once asked
};

bool needs_lowering(const Node& node) {
  const int64_t base = int64_t{1} << std::bit_width(node.fanins.size());
  return *std::max_element(node.weights.begin(), node.weights.end()) >= base;
}

}  // namespace

Signal build_lowered_threshold(Circuit& c, const std::vector<Signal>& fanins,
                               const std::vector<int64_t>& weights, int64_t threshold) {
  return LoweredGate(c, fanins, weights, threshold).build();
}

Circuit lower_weights(const Circuit& c, WeightLowering* stats) {
  Circuit out(c.name());
  std::vector<Signal> map(c.num_nodes(), kFalse);
  auto mapped = [&](Signal s) { return map[s.node()] ^ s.complemented(); };
  auto mapped_bits = [&](const Bits& bits) {
    Bits result;
    for (Signal s : bits) result.push_back(mapped(s));
    return result;
  };
  for (const Word& w : c.input_words()) {
    const Bits bits = out.add_input_word(w.name, static_cast<int>(w.bits.size()), w.decoding);
    for (size_t i = 0; i < bits.size(); ++i) map[w.bits[i].node()] = bits[i];
  }
  // What the outputs, the constraints and the cuts read: only these gates are worth lowering.
  std::vector<Signal> roots(c.constraints().begin(), c.constraints().end());
  for (const Word& w : c.output_words()) roots.insert(roots.end(), w.bits.begin(), w.bits.end());
  for (const Circuit::Cut& cut : c.cuts()) {
    roots.insert(roots.end(), cut.inputs.begin(), cut.inputs.end());
    roots.insert(roots.end(), cut.outputs.begin(), cut.outputs.end());
    roots.push_back(cut.assumption);
    roots.push_back(cut.guarantee);
  }
  const std::vector<char> live = c.cone(roots);
  WeightLowering counts;
  for (uint32_t n = 1; n < c.num_nodes(); ++n) {
    const Node& node = c.node(n);
    if (node.kind == NodeKind::Xor)
      map[n] = out.create_xor(mapped(node.fanins[0]), mapped(node.fanins[1]));
    if (node.kind != NodeKind::Threshold) continue;
    std::vector<Signal> fanins;
    for (Signal f : node.fanins) fanins.push_back(mapped(f));
    if (live[n] && needs_lowering(node)) {
      map[n] = build_lowered_threshold(out, fanins, node.weights, node.threshold);
      ++counts.gates_lowered;
    } else {
      map[n] = out.create_threshold(fanins, node.weights, node.threshold);
      counts.gates_kept += live[n];
    }
  }
  for (const Word& w : c.output_words())
    out.add_output_word(w.name, mapped_bits(w.bits), w.decoding);
  for (Signal s : c.constraints()) out.add_constraint(mapped(s));
  for (const Circuit::Cut& cut : c.cuts())
    out.add_cut(cut.name, mapped_bits(cut.inputs), mapped_bits(cut.outputs), mapped(cut.assumption),
                mapped(cut.guarantee), cut.block, cut.decoding);
  for (const Word& w : c.case_splits()) out.add_case_split(w.name, mapped_bits(w.bits));
  if (stats) *stats = counts;
  return out;
}

}  // namespace tc
