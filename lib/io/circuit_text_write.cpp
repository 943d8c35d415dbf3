// Writing the plain-text circuit format (see circuit_text.hpp, docs/circuit-format.md).
//
// Gates are named g1, g2, ... in the order they are written (node order, which is topological),
// so the text depends only on the circuit's structure, not on gates outside the cone.
#include <string>
#include <vector>

#include "lib/io/circuit_text.hpp"

namespace tc {

namespace {

bool all_digits(const std::string& s, size_t from) {
  if (from >= s.size()) return false;
  for (size_t i = from; i < s.size(); ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

// A gate-name prefix no input word name can collide with ("g", or "g_", "g__", ...).
std::string gate_prefix(const Circuit& c) {
  std::string prefix = "g";
  for (bool clash = true; clash;) {
    clash = false;
    for (const Word& w : c.input_words())
      clash = clash ||
              (w.name.compare(0, prefix.size(), prefix) == 0 && all_digits(w.name, prefix.size()));
    if (clash) prefix += '_';
  }
  return prefix;
}

std::string decoding_text(const Decoding& d) {
  switch (d.kind) {
    case Decoding::Kind::Bool:
      return " bool";
    case Decoding::Kind::Signed:
      return " signed";
    case Decoding::Kind::Float:
      return " float " + std::to_string(d.p) + " " + std::to_string(d.e);
    case Decoding::Kind::Unsigned:
      break;
  }
  return "";
}

// Names and runs of the written nodes; `names[n]` is empty for a node not written.
class TextWriter {
 public:
  TextWriter(std::ostream& out, const Circuit& c) : out_(out), c_(c), names_(c.num_nodes()) {}

  void write() {
    out_
        << "# threshold circuit (docs/circuit-format.md); word bits are LSB first: x[0] is bit 0\n";
    out_ << "circuit " << token(c_.name()) << "\n";
    for (const Word& w : c_.input_words()) {
      out_ << "input " << w.name << " " << w.bits.size() << decoding_text(w.decoding) << "\n";
      for (size_t i = 0; i < w.bits.size(); ++i)
        names_[w.bits[i].node()] = w.name + "[" + std::to_string(i) + "]";
    }
    std::vector<Signal> roots(c_.constraints().begin(), c_.constraints().end());
    for (const Word& w : c_.output_words()) roots.insert(roots.end(), w.bits.begin(), w.bits.end());
    for (const auto& cut : c_.cuts()) {
      roots.insert(roots.end(), cut.inputs.begin(), cut.inputs.end());
      roots.insert(roots.end(), cut.outputs.begin(), cut.outputs.end());
      roots.push_back(cut.assumption);
      roots.push_back(cut.guarantee);
    }
    for (const Word& w : c_.case_splits()) roots.insert(roots.end(), w.bits.begin(), w.bits.end());
    const std::vector<char> needed = c_.cone(roots);
    const std::string prefix = gate_prefix(c_);
    size_t count = 0;
    for (uint32_t n = 1; n < c_.num_nodes(); ++n) {
      const Node& node = c_.node(n);
      if (!needed[n] || node.kind == NodeKind::Input || node.kind == NodeKind::Constant) continue;
      names_[n] = prefix + std::to_string(++count);
      out_ << names_[n] << " = ";
      gate(node);
      out_ << "\n";
    }
    for (const Word& w : c_.output_words()) {
      out_ << "output " << w.name << " " << w.bits.size() << decoding_text(w.decoding) << " =";
      for (Signal s : w.bits) out_ << " " << ref(s);
      out_ << "\n";
    }
    for (Signal s : c_.constraints()) out_ << "constraint " << ref(s) << "\n";
    for (const auto& cut : c_.cuts()) {
      out_ << "cut " << token(cut.name) << " in";
      for (Signal s : cut.inputs) out_ << " " << ref(s);
      out_ << " out";
      for (Signal s : cut.outputs) out_ << " " << ref(s);
      if (cut.assumption != kTrue) out_ << " assume " << ref(cut.assumption);
      if (cut.guarantee != kTrue) out_ << " guarantee " << ref(cut.guarantee);
      if (cut.block) out_ << " block";
      out_ << decoding_text(cut.decoding) << "\n";
    }
    for (const Word& w : c_.case_splits()) {
      out_ << "split " << token(w.name);
      for (Signal s : w.bits) out_ << " " << ref(s);
      out_ << "\n";
    }
  }

 private:
  // Circuit and cut names are one blank-free token without '#'.
  static std::string token(std::string s) {
    if (s.empty()) return "_";
    for (char& ch : s)
      if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' || ch == '#') ch = '_';
    return s;
  }

  std::string ref(Signal s) const {
    if (s.node() == 0) return s.complemented() ? "1" : "0";
    return (s.complemented() ? "!" : "") + names_[s.node()];
  }

  void list(const char* kind, const std::vector<Signal>& xs) {
    out_ << kind << "(";
    for (size_t i = 0; i < xs.size(); ++i) out_ << (i ? ", " : "") << ref(xs[i]);
    out_ << ")";
  }

  // The normal form's shorthands: AND (threshold = fan-in), OR (threshold 1), MAJ (threshold
  // ceil(n/2)), each with unit weights; otherwise the weighted sum.
  void gate(const Node& node) {
    if (node.kind == NodeKind::Xor) return list("XOR", node.fanins);
    const int64_t n = static_cast<int64_t>(node.fanins.size());
    bool unit = true;
    for (int64_t w : node.weights) unit = unit && w == 1;
    if (unit && node.threshold == n) return list("AND", node.fanins);
    if (unit && node.threshold == 1) return list("OR", node.fanins);
    if (unit && node.threshold == (n + 1) / 2) return list("MAJ", node.fanins);
    for (size_t i = 0; i < node.fanins.size(); ++i) {
      if (i) out_ << " + ";
      if (node.weights[i] != 1) out_ << node.weights[i] << "*";
      out_ << ref(node.fanins[i]);
    }
    out_ << " >= " << node.threshold;
  }

  std::ostream& out_;
  const Circuit& c_;
  std::vector<std::string> names_;
};

}  // namespace

void write_circuit_text(std::ostream& out, const Circuit& circuit) {
  TextWriter(out, circuit).write();
}

}  // namespace tc
