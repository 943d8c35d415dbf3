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

std::vector<Lit> cnf_encode_cone(CircuitCnf& cc, const Circuit& c, const std::vector<Signal>& roots,
                                 size_t clause_limit) {
  cc.var_of_node.resize(c.num_nodes(), 0);
  // Iterative post-order: a node is encoded after all its fanins.
  std::vector<std::pair<uint32_t, bool>> stack;
  for (Signal r : roots) stack.push_back({r.node(), false});
  while (!stack.empty()) {
    auto [n, expanded] = stack.back();
    stack.pop_back();
    if (cc.var_of_node[n] != 0) continue;
    const Node& node = c.node(n);
    if (!expanded) {
      stack.push_back({n, true});
      for (Signal f : node.fanins)
        if (cc.var_of_node[f.node()] == 0) stack.push_back({f.node(), false});
      continue;
    }
    Lit y = cc.cnf.new_var();
    cc.var_of_node[n] = y;
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
        std::vector<Lit> xs;
        for (Signal f : node.fanins) xs.push_back(cnf_literal(cc, f));
        cnf_encode_threshold(cc.cnf, y, xs, node.weights, node.threshold, ThresholdEncoding::Auto,
                             &cc.bdd_cache);
        break;
      }
    }
    if (cc.cnf.clauses.size() > clause_limit) return {};
  }
  std::vector<Lit> lits;
  for (Signal r : roots) lits.push_back(cnf_literal(cc, r));
  return lits;
}

}  // namespace tc
