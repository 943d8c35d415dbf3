// Miter OPB export (see miter_opb.hpp).
#include "lib/export/miter_opb.hpp"

#include <cassert>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "lib/sat/miter_circuit.hpp"

namespace tc {

namespace {

// A linear constraint sum coef_i x_{var_i} >= rhs over plain variables.
struct OpbConstraint {
  std::vector<std::pair<int64_t, uint32_t>> terms;  // (coefficient, variable)
  int64_t rhs = 0;
};

class OpbMiter {
 public:
  explicit OpbMiter(const Circuit& m) : m_(m), var_(m.num_nodes(), 0) {}

  // The variable of s's node, encoding its cone first.
  uint32_t var(Signal s) {
    encode_cone(s.node());
    return var_[s.node()];
  }

  // Adds w * s to c: a complemented signal is w - w x.
  void add_term(OpbConstraint& c, int64_t w, Signal s) {
    const uint32_t v = var(s);
    if (s.complemented()) {
      c.terms.push_back({-w, v});
      c.rhs -= w;
    } else {
      c.terms.push_back({w, v});
    }
  }

  void add_clause(const std::vector<Signal>& lits) {
    OpbConstraint c;
    c.rhs = 1;
    for (Signal s : lits) add_term(c, 1, s);
    constraints.push_back(std::move(c));
  }

  std::vector<OpbConstraint> constraints;
  uint32_t num_vars = 0;

 private:
  // Iterative post-order, so deep circuits do not exhaust the stack.
  void encode_cone(uint32_t root) {
    std::vector<std::pair<uint32_t, bool>> stack{{root, false}};
    while (!stack.empty()) {
      auto [n, expanded] = stack.back();
      stack.pop_back();
      if (var_[n] != 0) continue;
      if (!expanded) {
        stack.push_back({n, true});
        for (Signal f : m_.node(n).fanins)
          if (var_[f.node()] == 0) stack.push_back({f.node(), false});
        continue;
      }
      var_[n] = ++num_vars;
      encode_node(n);
    }
  }

  void encode_node(uint32_t n) {
    const Node& node = m_.node(n);
    const Signal y(n, false);
    switch (node.kind) {
      case NodeKind::Constant:
        add_clause({!y});
        break;
      case NodeKind::Input:
        break;
      case NodeKind::Xor: {
        const Signal a = node.fanins[0], b = node.fanins[1];
        add_clause({!y, a, b});
        add_clause({!y, !a, !b});
        add_clause({y, !a, b});
        add_clause({y, a, !b});
        break;
      }
      case NodeKind::Threshold: {
        int64_t W = 0;
        for (int64_t w : node.weights) W += w;
        const int64_t T = node.threshold;
        OpbConstraint up, down;  // y -> sum >= T;  !y -> sum <= T - 1
        up.rhs = T;
        down.rhs = 1 - T;
        for (size_t i = 0; i < node.fanins.size(); ++i) {
          add_term(up, node.weights[i], node.fanins[i]);
          add_term(down, -node.weights[i], node.fanins[i]);
        }
        add_term(up, T, !y);
        add_term(down, W - T + 1, y);
        constraints.push_back(std::move(up));
        constraints.push_back(std::move(down));
        break;
      }
    }
  }

  const Circuit& m_;
  std::vector<uint32_t> var_;  // node -> variable, 0 until encoded
};

}  // namespace

void write_miter_opb(std::ostream& out, const Circuit& construction, const Circuit& spec) {
  const Miter miter = build_miter(construction, spec);
  const Circuit& m = miter.circuit;
  OpbMiter opb(m);
  for (Signal s : m.constraints()) opb.add_clause({s});
  std::vector<std::string> comments = {
      "equivalence miter: construction '" + construction.name() + "' against spec '" + spec.name() +
          "'",
      "SATISFIABLE: the circuits differ on some input that satisfies the input constraints;",
      "     the 'input' lines below map the model back to input bits",
      "UNSATISFIABLE: the circuits agree on every such input (every output word)",
  };
  std::vector<Signal> some_difference;
  for (const MiterWord& word : miter.words)
    for (size_t i = 0; i < word.diff.size(); ++i) {
      some_difference.push_back(word.diff[i]);
      const Signal s = word.diff[i];
      comments.push_back("differs " + word.name + "[" + std::to_string(i) +
                         "] = " + (s.complemented() ? "~x" : "x") + std::to_string(opb.var(s)));
    }
  opb.add_clause(some_difference);
  // Inputs outside every cone still get a variable, so the model covers each input bit.
  for (const Word& w : m.input_words())
    for (size_t i = 0; i < w.bits.size(); ++i)
      comments.push_back("input " + w.name + "[" + std::to_string(i) + "] = x" +
                         std::to_string(opb.var(w.bits[i])));
  out << "* #variable= " << opb.num_vars << " #constraint= " << opb.constraints.size() << '\n';
  for (const std::string& c : comments) out << "* " << c << '\n';
  for (const OpbConstraint& c : opb.constraints) {
    for (const auto& [coef, v] : c.terms) out << (coef >= 0 ? "+" : "") << coef << " x" << v << ' ';
    out << ">= " << c.rhs << " ;\n";
  }
}

}  // namespace tc
