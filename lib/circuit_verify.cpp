// Circuit::verify: the IR's invariants checked in one place (see circuit.hpp). Tests call it on
// every registered component's construction and spec, and debug builds of the CLI after building
// them, so a builder or an IR change that breaks the normal form or the hashing fails loudly
// instead of silently costing merges (or correctness) downstream.
#include <numeric>
#include <set>
#include <stdexcept>
#include <string>

#include "lib/circuit.hpp"

namespace tc {

void Circuit::verify() const {
  auto fail = [&](const std::string& where, const std::string& rule) {
    throw std::logic_error("circuit '" + name_ + "' " + where + ": " + rule);
  };
  auto check_signal = [&](Signal s, const std::string& where) {
    if (s.node() >= nodes_.size())
      fail(where,
           "refers to node " + std::to_string(s.node()) + " of " + std::to_string(nodes_.size()));
  };
  if (nodes_.empty() || nodes_[0].kind != NodeKind::Constant || !nodes_[0].fanins.empty())
    fail("node 0", "is not the constant false");

  std::vector<uint32_t> input_nodes;
  size_t gates = 0;
  for (uint32_t n = 1; n < nodes_.size(); ++n) {
    const Node& node = nodes_[n];
    const std::string where = "node " + std::to_string(n);
    for (Signal f : node.fanins) {
      if (f.node() >= n) fail(where, "fanin node " + std::to_string(f.node()) + " is not earlier");
      if (f.node() == 0) fail(where, "has a constant fanin (not folded)");
    }
    switch (node.kind) {
      case NodeKind::Constant:
        fail(where, "is a second constant");
        break;
      case NodeKind::Input:
        if (!node.fanins.empty() || !node.weights.empty()) fail(where, "input with fanins");
        input_nodes.push_back(n);
        break;
      case NodeKind::Xor: {
        ++gates;
        if (node.fanins.size() != 2 || !node.weights.empty()) fail(where, "xor without 2 fanins");
        const Signal a = node.fanins[0], b = node.fanins[1];
        if (a.complemented() || b.complemented()) fail(where, "xor with a complemented fanin");
        if (!(a < b)) fail(where, "xor fanins not distinct and ordered");
        if (find_gate(node, false, 0) != n) fail(where, "xor not structurally hashed");
        break;
      }
      case NodeKind::Threshold: {
        ++gates;
        if (node.fanins.size() != node.weights.size()) fail(where, "fanins and weights differ");
        if (node.fanins.size() < 2) fail(where, "gate of fan-in below 2 (not folded)");
        __int128 total = 0;
        int64_t g = 0;
        for (size_t i = 0; i < node.fanins.size(); ++i) {
          if (i > 0 && node.fanins[i - 1].node() >= node.fanins[i].node())
            fail(where, "fanins not on distinct nodes in increasing order");
          const int64_t w = node.weights[i];
          if (w < 1) fail(where, "weight " + std::to_string(w) + " below 1");
          if (w > node.threshold) fail(where, "weight " + std::to_string(w) + " not clipped");
          total += w;
          g = std::gcd(g, w);
        }
        if (total >= kMaxGateWeightSum) fail(where, "total weight reaches 2^61");
        if (node.threshold < 1 || node.threshold > total)
          fail(where, "threshold " + std::to_string(node.threshold) + " makes a constant");
        if (g != 1) fail(where, "weights share the factor " + std::to_string(g));
        if (node.is_and() || node.is_or()) {
          for (int64_t w : node.weights)
            if (w != 1) fail(where, "an AND or OR gate without unit weights");
          if (node.is_and() && node.threshold != static_cast<int64_t>(node.fanins.size()))
            fail(where, "an AND gate whose threshold is not its fan-in");
        }
        if (find_gate(node, false, node.threshold) != n)
          fail(where, "gate not structurally hashed");
        if (find_gate(node, true, static_cast<int64_t>(total) - node.threshold + 1) != 0)
          fail(where, "its complement is a gate of its own");
        break;
      }
    }
  }
  if (table_gates_ != gates) fail("hash table", "holds entries for no gate");

  if (input_nodes != inputs_) fail("inputs", "input_nodes() are not the input nodes in order");
  std::vector<uint32_t> word_bits;
  std::set<std::string> names;
  for (const Word& w : input_words_) {
    if (!names.insert(w.name).second) fail("input word '" + w.name + "'", "declared twice");
    for (Signal s : w.bits) {
      if (s.complemented()) fail("input word '" + w.name + "'", "has a complemented bit");
      word_bits.push_back(s.node());
    }
  }
  if (word_bits != inputs_) fail("input words", "do not cover the inputs in order");
  names.clear();
  for (const Word& w : output_words_) {
    if (!names.insert(w.name).second) fail("output word '" + w.name + "'", "declared twice");
    for (Signal s : w.bits) check_signal(s, "output word '" + w.name + "'");
  }
  for (Signal s : constraints_) check_signal(s, "constraint");
  names.clear();
  for (const Cut& c : cuts_) {
    const std::string where = "cut '" + c.name + "'";
    if (!names.insert(c.name).second) fail(where, "declared twice");
    for (Signal s : c.inputs) check_signal(s, where);
    for (Signal s : c.outputs) check_signal(s, where);
    check_signal(c.assumption, where);
    check_signal(c.guarantee, where);
  }
  names.clear();
  for (const Word& w : case_splits_) {
    const std::string where = "case split '" + w.name + "'";
    if (!names.insert(w.name).second) fail(where, "declared twice");
    for (Signal s : w.bits) check_signal(s, where);
  }
}

}  // namespace tc
