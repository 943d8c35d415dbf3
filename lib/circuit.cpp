// Circuit IR: node creation, gate normalization and structural hashing (see circuit.hpp).
#include "lib/circuit.hpp"

#include <algorithm>
#include <cassert>
#include <numeric>
#include <stdexcept>
#include <utility>

namespace tc {

Circuit::Circuit(std::string name) : name_(std::move(name)) {
  nodes_.push_back(Node{NodeKind::Constant, {}, {}, 0});
}

Bits Circuit::add_input_word(const std::string& name, int width, Decoding decoding) {
  for (const auto& w : input_words_)
    if (w.name == name) throw std::invalid_argument("duplicate input word '" + name + "'");
  Bits bits;
  for (int i = 0; i < width; ++i) {
    inputs_.push_back(static_cast<uint32_t>(nodes_.size()));
    bits.push_back(add_node(Node{NodeKind::Input, {}, {}, 0}));
  }
  input_words_.push_back(Word{name, bits, decoding});
  return bits;
}

void Circuit::add_output_word(const std::string& name, Bits bits, Decoding decoding) {
  for (const auto& w : output_words_)
    if (w.name == name) throw std::invalid_argument("duplicate output word '" + name + "'");
  output_words_.push_back(Word{name, std::move(bits), decoding});
}

void Circuit::add_constraint(Signal valid) {
  if (valid == kTrue) return;
  constraints_.push_back(valid);
}

void Circuit::add_cut(const std::string& name, Bits inputs, Bits outputs, Signal assumption,
                      Signal guarantee, bool block, Decoding decoding) {
  for (const auto& c : cuts_)
    if (c.name == name) throw std::invalid_argument("duplicate cut '" + name + "'");
  cuts_.push_back(Cut{name, std::move(inputs), std::move(outputs), assumption, guarantee, block,
                      std::move(decoding)});
}

void Circuit::add_case_split(const std::string& name, Bits bits) {
  for (const auto& w : case_splits_)
    if (w.name == name) throw std::invalid_argument("duplicate case split '" + name + "'");
  if (bits.empty() || bits.size() > static_cast<size_t>(kMaxCaseSplitBits))
    throw std::invalid_argument("case split '" + name + "' has " + std::to_string(bits.size()) +
                                " bits; 1 to " + std::to_string(kMaxCaseSplitBits) + " allowed");
  case_splits_.push_back(Word{name, std::move(bits), Decoding::unsigned_int()});
}

const Word& Circuit::input_word(const std::string& name) const {
  for (const auto& w : input_words_)
    if (w.name == name) return w;
  throw std::out_of_range("circuit '" + name_ + "' has no input word '" + name + "'");
}

const Word& Circuit::output_word(const std::string& name) const {
  for (const auto& w : output_words_)
    if (w.name == name) return w;
  throw std::out_of_range("circuit '" + name_ + "' has no output word '" + name + "'");
}

Signal Circuit::add_node(Node node) {
  nodes_.push_back(std::move(node));
  return Signal(static_cast<uint32_t>(nodes_.size() - 1), false);
}

size_t Circuit::gate_hash(const Node& node, bool flip, int64_t threshold) {
  uint64_t h =
      static_cast<uint64_t>(threshold) * 0x9e3779b97f4a7c15ull ^ static_cast<uint64_t>(node.kind);
  for (Signal f : node.fanins) h = (h ^ (f.literal() ^ (flip ? 1u : 0u))) * 0xff51afd7ed558ccdull;
  for (int64_t w : node.weights) h = (h ^ static_cast<uint64_t>(w)) * 0xc4ceb9fe1a85ec53ull;
  return static_cast<size_t>(h ^ (h >> 29));
}

uint32_t Circuit::find_gate(const Node& node, bool flip, int64_t threshold) const {
  if (gate_table_.empty()) return 0;
  const size_t mask = gate_table_.size() - 1;
  for (size_t i = gate_hash(node, flip, threshold) & mask; gate_table_[i] != 0;
       i = (i + 1) & mask) {
    const Node& m = nodes_[gate_table_[i]];
    if (m.kind != node.kind || m.threshold != threshold || m.weights != node.weights ||
        m.fanins.size() != node.fanins.size())
      continue;
    bool same = true;
    for (size_t k = 0; k < m.fanins.size() && same; ++k)
      same = m.fanins[k].literal() == (node.fanins[k].literal() ^ (flip ? 1u : 0u));
    if (same) return gate_table_[i];
  }
  return 0;
}

void Circuit::insert_gate(uint32_t n) {
  if (2 * (table_gates_ + 1) > gate_table_.size()) {
    std::vector<uint32_t> old = std::move(gate_table_);
    gate_table_.assign(std::max<size_t>(64, 2 * old.size()), 0);
    table_gates_ = 0;
    for (uint32_t g : old)
      if (g != 0) insert_gate(g);
  }
  const size_t mask = gate_table_.size() - 1;
  size_t i = gate_hash(nodes_[n], false, nodes_[n].threshold) & mask;
  while (gate_table_[i] != 0) i = (i + 1) & mask;
  gate_table_[i] = n;
  ++table_gates_;
}

Signal Circuit::lookup_or_add(Node node, int64_t complement_threshold) {
  if (uint32_t n = find_gate(node, false, node.threshold)) return Signal(n, false);
  if (complement_threshold >= 1)
    if (uint32_t n = find_gate(node, true, complement_threshold)) return Signal(n, true);
  Signal s = add_node(std::move(node));
  insert_gate(s.node());
  return s;
}

namespace {

using Wide = __int128;

Wide wide_gcd(Wide a, Wide b) {
  while (b != 0) a = std::exchange(b, a % b);
  return a;
}

}  // namespace

// Normal form: weights >= 1 on (possibly complemented) literals of distinct nodes, sorted by
// literal, each clipped to the threshold, divided by their gcd; 1 <= threshold <= sum of weights.
Signal Circuit::create_threshold(const std::vector<Signal>& fanins,
                                 const std::vector<int64_t>& weights, int64_t threshold) {
  if (fanins.size() != weights.size())
    throw std::invalid_argument("create_threshold: fanins and weights differ in length");
  // Summed in 128 bits so that no input can wrap, then checked against the bound that the CNF,
  // simulation and Z3 encodings rely on.
  std::vector<std::pair<uint32_t, Wide>> coefficient;  // (node, weight on its positive literal)
  coefficient.reserve(fanins.size());
  Wide t = threshold;
  for (size_t i = 0; i < fanins.size(); ++i) {
    const Signal s = fanins[i];
    const Wide w = weights[i];
    if (w == 0) continue;
    if (s.node() == 0) {  // constant: true when complemented
      if (s.complemented()) t -= w;
      continue;
    }
    if (s.complemented()) {  // w * !x = w - w * x
      t -= w;
      coefficient.push_back({s.node(), -w});
    } else {
      coefficient.push_back({s.node(), w});
    }
  }
  // One coefficient per node, in increasing node order.
  std::sort(coefficient.begin(), coefficient.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  size_t merged = 0;
  for (size_t i = 0; i < coefficient.size(); ++i) {
    if (merged > 0 && coefficient[merged - 1].first == coefficient[i].first)
      coefficient[merged - 1].second += coefficient[i].second;
    else
      coefficient[merged++] = coefficient[i];
  }
  coefficient.resize(merged);
  std::vector<std::pair<Signal, Wide>> wide_terms;
  for (auto [n, c] : coefficient) {
    if (c > 0) wide_terms.push_back({Signal(n, false), c});
    if (c < 0) {  // c * x = c + |c| * !x
      wide_terms.push_back({Signal(n, true), -c});
      t -= c;
    }
  }
  Wide wide_total = 0;
  for (auto& [s, w] : wide_terms) wide_total += w;
  if (t <= 0) return kTrue;
  if (t > wide_total) return kFalse;
  Wide g = 0;
  for (auto& [s, w] : wide_terms) {
    w = std::min(w, t);
    g = wide_gcd(g, w);
  }
  wide_total = 0;
  Wide lightest = t;
  for (auto& [s, w] : wide_terms) {
    w /= g;
    wide_total += w;
    lightest = std::min(lightest, w);
  }
  Wide wide_t = (t + g - 1) / g;
  // An AND in disguise, e.g. [2a + b >= 3]: when the sum without the lightest weight falls short,
  // the gate is true exactly when every input is, so it takes the AND's form (unit weights,
  // threshold = fan-in) and hashes together with create_and's gate. An OR needs no such step:
  // when every weight reaches t, clipping and the gcd already leave unit weights and threshold 1.
  if (wide_total - lightest < wide_t) {
    for (auto& [s, w] : wide_terms) w = 1;
    wide_total = wide_t = static_cast<Wide>(wide_terms.size());
  }
  if (wide_total >= kMaxGateWeightSum)
    throw std::overflow_error("threshold gate with total weight >= 2^61 after normalization");
  // Below the bound every weight, the total and the threshold (<= total) fit in 64 bits.
  const int64_t total = static_cast<int64_t>(wide_total);
  std::vector<std::pair<Signal, int64_t>> terms;
  for (auto& [s, w] : wide_terms) terms.push_back({s, static_cast<int64_t>(w)});
  const int64_t T = static_cast<int64_t>(wide_t);
  if (terms.size() == 1) return terms[0].first;
  std::sort(terms.begin(), terms.end());
  Node node{NodeKind::Threshold, {}, {}, T};
  for (auto& [s, w] : terms) {
    node.fanins.push_back(s);
    node.weights.push_back(w);
  }
  // Its complement [sum w !x >= total - T + 1]: complementing distinct nodes' literals keeps
  // their order, so that gate, if built, has these weights in this order.
  return lookup_or_add(std::move(node), total - T + 1);
}

bool threshold_is_and(const std::vector<int64_t>& weights, int64_t threshold) {
  if (weights.empty()) return false;
  int64_t total = 0;
  for (int64_t w : weights) total += w;
  return total - *std::min_element(weights.begin(), weights.end()) < threshold;
}

bool threshold_is_or(const std::vector<int64_t>& weights, int64_t threshold) {
  return !weights.empty() && *std::min_element(weights.begin(), weights.end()) >= threshold;
}

Signal Circuit::create_and(const std::vector<Signal>& xs) {
  return create_threshold(xs, std::vector<int64_t>(xs.size(), 1), static_cast<int64_t>(xs.size()));
}

Signal Circuit::create_or(const std::vector<Signal>& xs) {
  return create_threshold(xs, std::vector<int64_t>(xs.size(), 1), 1);
}

Signal Circuit::create_majority(const std::vector<Signal>& xs) {
  return create_threshold(xs, std::vector<int64_t>(xs.size(), 1),
                          static_cast<int64_t>((xs.size() + 1) / 2));
}

Signal Circuit::create_mux(Signal sel, Signal a, Signal b) {
  if (a == b) return a;
  if (sel == kTrue) return a;
  if (sel == kFalse) return b;
  return create_or(create_and(sel, a), create_and(!sel, b));
}

Signal Circuit::create_xor(Signal a, Signal b) {
  bool flip = a.complemented() != b.complemented();
  a = a ^ a.complemented();
  b = b ^ b.complemented();
  if (a == b) return kFalse ^ flip;
  if (a == kFalse) return b ^ flip;
  if (b == kFalse) return a ^ flip;
  if (b < a) std::swap(a, b);
  return lookup_or_add(Node{NodeKind::Xor, {a, b}, {}, 0}, 0) ^ flip;
}

bool Circuit::is_threshold_only() const {
  std::vector<Signal> roots;
  for (const auto& w : output_words_) roots.insert(roots.end(), w.bits.begin(), w.bits.end());
  const std::vector<char> in_cone = cone(roots);
  for (uint32_t n = 0; n < nodes_.size(); ++n)
    if (in_cone[n] && nodes_[n].kind == NodeKind::Xor) return false;
  return true;
}

std::vector<char> Circuit::cone(const std::vector<Signal>& roots) const {
  std::vector<char> in_cone(nodes_.size(), 0);
  std::vector<uint32_t> stack;
  for (Signal s : roots) stack.push_back(s.node());
  while (!stack.empty()) {
    const uint32_t n = stack.back();
    stack.pop_back();
    if (in_cone[n]) continue;
    in_cone[n] = 1;
    for (Signal f : nodes_[n].fanins) stack.push_back(f.node());
  }
  return in_cone;
}

std::vector<char> Circuit::cone_of_outputs_and_constraints() const {
  std::vector<Signal> roots(constraints_.begin(), constraints_.end());
  for (const auto& w : output_words_) roots.insert(roots.end(), w.bits.begin(), w.bits.end());
  return cone(roots);
}

std::vector<Signal> Circuit::import(const Circuit& other, const std::vector<Signal>& inputs) {
  return import(other, inputs, {});
}

std::vector<Signal> Circuit::import(const Circuit& other, const std::vector<Signal>& inputs,
                                    const std::unordered_map<uint32_t, Override>& overrides) {
  if (inputs.size() != other.inputs_.size())
    throw std::invalid_argument("import of '" + other.name_ + "': input count mismatch");
  std::vector<Signal> map(other.nodes_.size(), kFalse);
  for (size_t i = 0; i < inputs.size(); ++i) map[other.inputs_[i]] = inputs[i];
  auto mapped = [&](Signal s) { return map[s.node()] ^ s.complemented(); };
  for (uint32_t n = 1; n < other.nodes_.size(); ++n) {
    const Node& node = other.nodes_[n];
    if (node.kind == NodeKind::Threshold) {
      std::vector<Signal> fanins;
      for (Signal f : node.fanins) fanins.push_back(mapped(f));
      map[n] = create_threshold(fanins, node.weights, node.threshold);
    } else if (node.kind == NodeKind::Xor) {
      map[n] = create_xor(mapped(node.fanins[0]), mapped(node.fanins[1]));
    }
    if (auto it = overrides.find(n); it != overrides.end())
      map[n] = create_mux(it->second.condition, it->second.replacement, map[n]);
  }
  return map;
}

}  // namespace tc
