// Tseitin encoding of circuits (see circuit_cnf.hpp).
#include "lib/sat/circuit_cnf.hpp"

#include <cassert>
#include <stdexcept>

#include "lib/cnf/threshold.hpp"

namespace tc {

Lit cnf_literal(const CircuitCnf& cc, Signal s) {
  Lit v = cc.var_of_node.at(s.node());
  if (v == 0) throw std::logic_error("cnf_literal: node is not encoded");
  return s.complemented() ? -v : v;
}

std::vector<Lit> cnf_encode_cone(CircuitCnf& cc, const Circuit& c, const std::vector<Signal>& roots) {
  cc.var_of_node.resize(c.num_nodes(), 0);
  // Iterative post-order: a node comes after all its fanins. Each node gets its variable on the
  // way, so the gates can be announced (by their fanins' literals) before any is encoded.
  std::vector<uint32_t> order;
  std::vector<std::pair<uint32_t, bool>> stack;
  for (Signal r : roots) stack.push_back({r.node(), false});
  while (!stack.empty()) {
    auto [n, expanded] = stack.back();
    stack.pop_back();
    if (cc.var_of_node[n] != 0) continue;
    if (!expanded) {
      stack.push_back({n, true});
      for (Signal f : c.node(n).fanins)
        if (cc.var_of_node[f.node()] == 0) stack.push_back({f.node(), false});
      continue;
    }
    cc.var_of_node[n] = cc.cnf.new_var();
    order.push_back(n);
  }
  auto fanin_literals = [&](const Node& node) {
    std::vector<Lit> xs;
    for (Signal f : node.fanins) xs.push_back(cnf_literal(cc, f));
    return xs;
  };
  for (uint32_t n : order) {
    const Node& node = c.node(n);
    if (node.kind == NodeKind::Threshold)
      cnf_announce_threshold(cc.sharing, fanin_literals(node), node.weights, node.threshold);
  }
  for (uint32_t n : order) {
    const Node& node = c.node(n);
    const Lit y = cc.var_of_node[n];
    switch (node.kind) {
      case NodeKind::Constant:
        cc.cnf.add_clause({-y});
        break;
      case NodeKind::Input:
        break;
      case NodeKind::Xor:
        cnf_encode_xor(cc.cnf, y, cnf_literal(cc, node.fanins[0]), cnf_literal(cc, node.fanins[1]));
        break;
      case NodeKind::Threshold: {
        switch (cnf_encode_threshold(cc.cnf, y, fanin_literals(node), node.weights,
                                     node.threshold, ThresholdEncoding::Auto, &cc.sharing)) {
          case ThresholdEncodingUsed::Plain: ++cc.counts.plain; break;
          case ThresholdEncodingUsed::Direct: ++cc.counts.direct; break;
          case ThresholdEncodingUsed::Bdd: ++cc.counts.bdd; break;
          case ThresholdEncodingUsed::Adder: ++cc.counts.adder; break;
        }
        break;
      }
    }
  }
  std::vector<Lit> lits;
  for (Signal r : roots) lits.push_back(cnf_literal(cc, r));
  return lits;
}

}  // namespace tc
