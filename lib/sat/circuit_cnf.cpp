// Tseitin encoding of circuits (see circuit_cnf.hpp).
#include "lib/sat/circuit_cnf.hpp"

#include <cassert>
#include <map>
#include <stdexcept>

#include "lib/cnf/threshold.hpp"
#include "lib/threshold_gate_named.hpp"

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
  std::vector<uint32_t> order;
  std::vector<std::pair<uint32_t, bool>> stack;
  std::vector<char> queued(c.num_nodes(), 0);
  for (Signal r : roots) stack.push_back({r.node(), false});
  while (!stack.empty()) {
    auto [n, expanded] = stack.back();
    stack.pop_back();
    if (cc.var_of_node[n] != 0 || (queued[n] && !expanded)) continue;
    if (!expanded) {
      queued[n] = 1;
      stack.push_back({n, true});
      for (Signal f : c.node(n).fanins)
        if (cc.var_of_node[f.node()] == 0 && !queued[f.node()]) stack.push_back({f.node(), false});
      continue;
    }
    order.push_back(n);
  }
  // The gates over one weighted sum are counted first (by fanin signals), and announced to the
  // encoder when the first of them is reached, once their fanins' literals exist.
  using FormKey = std::pair<std::vector<Signal>, std::vector<int64_t>>;
  std::map<FormKey, int64_t> gates_per_form;
  for (uint32_t n : order) {
    const Node& node = c.node(n);
    if (node.kind == NodeKind::Threshold && !node.is_and() && !node.is_or())
      ++gates_per_form[{node.fanins, node.weights}];
  }
  for (uint32_t n : order) {
    const Node& node = c.node(n);
    const Lit y = cc.cnf.new_var();
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
        if (auto it = gates_per_form.find({node.fanins, node.weights});
            it != gates_per_form.end()) {
          for (int64_t k = 0; k < it->second; ++k)
            cnf_announce_threshold(cc.sharing, xs, node.weights, node.threshold);
          gates_per_form.erase(it);
        }
        const ThresholdEncodingUsed used = encode_naming_gate(c, n, [&] {
          return cnf_encode_threshold(cc.cnf, y, xs, node.weights, node.threshold,
                                      ThresholdEncoding::Auto, &cc.sharing);
        });
        switch (used) {
          case ThresholdEncodingUsed::Plain:
            ++cc.counts.plain;
            break;
          case ThresholdEncodingUsed::Direct:
            ++cc.counts.direct;
            break;
          case ThresholdEncodingUsed::Bdd:
            ++cc.counts.bdd;
            break;
          case ThresholdEncodingUsed::Adder:
            ++cc.counts.adder;
            break;
          case ThresholdEncodingUsed::Totalizer:
            ++cc.counts.totalizer;
            break;
        }
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
