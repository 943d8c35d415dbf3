// Graphviz export (see dot.hpp).
#include "lib/export/dot.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <string>
#include <vector>

#include "lib/analysis.hpp"

namespace tc {

namespace {

std::string dot_escape(const std::string& s) {
  std::string r;
  for (char ch : s) {
    if (ch == '"' || ch == '\\') r += '\\';
    r += ch;
  }
  return r;
}

// Short name of a node as it appears inside another gate's label.
class DotNames {
 public:
  explicit DotNames(const Circuit& c) : input_name_(c.num_nodes()), input_label_(c.num_nodes()) {
    for (const auto& w : c.input_words())
      for (size_t i = 0; i < w.bits.size(); ++i) {
        input_name_[w.bits[i].node()] = w.bits.size() == 1 ? w.name : w.name + std::to_string(i);
        input_label_[w.bits[i].node()] = w.name + "[" + std::to_string(i) + "]";
      }
  }
  // The input vertex itself: "a[0]".
  const std::string& input_label(uint32_t node) const { return input_label_[node]; }
  std::string operator()(Signal s) const {
    // Appended piecewise: GCC 12 warns falsely (-Wrestrict) on "literal" + std::string&&.
    std::string name = s.complemented() ? "!" : "";
    if (s.node() == 0)
      name += '0';
    else if (!input_name_[s.node()].empty())
      name += input_name_[s.node()];
    else
      name.append("g").append(std::to_string(s.node()));
    return name;
  }

 private:
  std::vector<std::string> input_name_;   // compact, inside gate labels: "a0"
  std::vector<std::string> input_label_;  // on the input vertex: "a[0]"
};

// "AND", "OR", "MAJ", "XOR", or the inequality with its fanins.
std::string dot_gate_label(const Node& node, const DotNames& names) {
  if (node.kind == NodeKind::Xor) return "XOR";
  const int64_t total = std::accumulate(node.weights.begin(), node.weights.end(), int64_t(0));
  const int64_t n = static_cast<int64_t>(node.fanins.size());
  if (node.threshold == total && total == n) return "AND";
  if (node.threshold == 1) return "OR";
  if (total == n && n % 2 == 1 && node.threshold == (n + 1) / 2) return "MAJ";
  std::string s = "[";
  for (size_t i = 0; i < node.fanins.size(); ++i) {
    if (i) s += " + ";
    if (node.weights[i] != 1) s += std::to_string(node.weights[i]);
    s += names(node.fanins[i]);
  }
  return s + " >= " + std::to_string(node.threshold) + "]";
}

std::string dot_edge_style(Signal s) {
  return s.complemented() ? " [style=dashed, arrowhead=odot]" : "";
}

}  // namespace

void write_dot(std::ostream& out, const Circuit& c) {
  // The cone of outputs and constraints; constraint-only gates get their depth here, since
  // node_depths leaves them at -1.
  std::vector<int> depth = node_depths(c);
  const int output_depth = depth.empty() ? 0 : *std::max_element(depth.begin(), depth.end());
  const std::vector<char> needed = c.cone_of_outputs_and_constraints();
  for (uint32_t n = 0; n < c.num_nodes(); ++n) {
    if (!needed[n]) continue;
    const Node& node = c.node(n);
    if (node.kind == NodeKind::Constant || node.kind == NodeKind::Input) {
      depth[n] = 0;
    } else if (depth[n] < 0) {
      int d = 0;
      for (Signal f : node.fanins) d = std::max(d, depth[f.node()]);
      depth[n] = d + 1;
    }
  }

  const DotNames names(c);
  out << "digraph \"" << dot_escape(c.name()) << "\" {\n"
      << "  node [fontname=\"Helvetica\", fontsize=10];\n"
      << "  edge [arrowsize=0.6];\n";
  std::map<int, std::vector<uint32_t>> by_depth;
  for (uint32_t n = 0; n < c.num_nodes(); ++n) {
    if (!needed[n]) continue;
    by_depth[depth[n]].push_back(n);
    const Node& node = c.node(n);
    out << "  n" << n << " [";
    if (node.kind == NodeKind::Constant)
      out << "label=\"0\", shape=plaintext";
    else if (node.kind == NodeKind::Input)
      out << "label=\"" << dot_escape(names.input_label(n)) << "\", shape=triangle";
    else
      out << "label=\"g" << n << "\\n"
          << dot_escape(dot_gate_label(node, names))
          << "\", shape=" << (node.kind == NodeKind::Xor ? "diamond" : "box");
    out << "];\n";
    for (Signal f : node.fanins)
      out << "  n" << f.node() << " -> n" << n << dot_edge_style(f) << ";\n";
  }
  for (const auto& [d, nodes] : by_depth) {
    out << "  { rank=" << (d == 0 ? "source" : "same") << ";";
    for (uint32_t n : nodes) out << " n" << n << ";";
    out << " }\n";
  }

  // Outputs and constraints as sinks below the deepest gate.
  std::vector<std::string> sinks;
  for (size_t w = 0; w < c.output_words().size(); ++w) {
    const Word& word = c.output_words()[w];
    for (size_t i = 0; i < word.bits.size(); ++i) {
      const std::string id =
          std::string("o").append(std::to_string(w)).append("_").append(std::to_string(i));
      out << "  " << id << " [label=\"" << dot_escape(word.name + "[" + std::to_string(i) + "]")
          << "\", shape=invtriangle];\n"
          << "  n" << word.bits[i].node() << " -> " << id << dot_edge_style(word.bits[i]) << ";\n";
      sinks.push_back(id);
    }
  }
  for (size_t k = 0; k < c.constraints().size(); ++k) {
    const std::string id = "valid" + std::to_string(k);
    out << "  " << id << " [label=\"constraint " << k << "\", shape=octagon];\n"
        << "  n" << c.constraints()[k].node() << " -> " << id << dot_edge_style(c.constraints()[k])
        << ";\n";
    sinks.push_back(id);
  }
  if (!sinks.empty()) {
    out << "  { rank=sink;";
    for (const auto& s : sinks) out << ' ' << s << ';';
    out << " }\n";
  }
  out << "  label=\"" << dot_escape(c.name()) << " (depth " << output_depth << ")\";\n}\n";
}

}  // namespace tc
