// AIGER export and import (see aiger.hpp). The exporter lowers the circuit into a structurally
// hashed AIG (AigerBuilder), then the binary and ASCII writers print the same graph; the reader
// checks every header field, delta and literal before it builds a Circuit of 2-input AND gates.
#include "lib/export/aiger.hpp"

#include <algorithm>
#include <cassert>
#include <map>
#include <sstream>
#include <stdexcept>

#include "lib/simulate.hpp"
#include "lib/threshold_encode.hpp"
#include "lib/threshold_gate_named.hpp"

namespace tc {

namespace {

// ------------------------------------------------------------------------------------------------
// Building the AIG

constexpr uint32_t kLitFalse = 0;
constexpr uint32_t kLitTrue = 1;

class AigerBuilder {
 public:
  explicit AigerBuilder(AigerGraph& g) : g_(g) {}

  // a & b with the trivial cases folded and structural hashing, so the writers never see a
  // constant or duplicate gate. Operands are ordered rhs0 >= rhs1 as binary AIGER requires.
  uint32_t land(uint32_t a, uint32_t b) {
    if (a < b) std::swap(a, b);
    if (b == kLitFalse) return kLitFalse;
    if (b == kLitTrue || a == b) return a;
    if ((a ^ 1) == b) return kLitFalse;
    const uint64_t key = (uint64_t(a) << 32) | b;
    if (2 * (g_.ands.size() + 1) > slots_.size()) grow();
    size_t i = slot(key);
    for (; slots_[i].lhs != 0; i = (i + 1) & (slots_.size() - 1))
      if (slots_[i].key == key) return slots_[i].lhs;
    const uint32_t lhs = 2 * (g_.max_var() + 1);
    g_.ands.push_back({lhs, a, b});
    slots_[i] = {key, lhs};
    return lhs;
  }
  uint32_t lor(uint32_t a, uint32_t b) { return land(a ^ 1, b ^ 1) ^ 1; }
  uint32_t lxor(uint32_t a, uint32_t b) { return lor(land(a, b ^ 1), land(a ^ 1, b)); }

  // Balanced, so an n-input AND costs depth ceil(log2 n) rather than n - 1.
  uint32_t land_tree(std::vector<uint32_t> xs) {
    if (xs.empty()) return kLitTrue;
    while (xs.size() > 1) {
      std::vector<uint32_t> next;
      for (size_t i = 0; i + 1 < xs.size(); i += 2) next.push_back(land(xs[i], xs[i + 1]));
      if (xs.size() % 2) next.push_back(xs.back());
      xs.swap(next);
    }
    return xs[0];
  }
  uint32_t lor_tree(std::vector<uint32_t> xs) {
    for (auto& x : xs) x ^= 1;
    return land_tree(std::move(xs)) ^ 1;
  }

 private:
  // Structural hashing in an open-addressed table (linear probing, at most half full): the AIGs
  // of the SSM layer have millions of ANDs, and a node-based map spent most of its time in the
  // allocator. A slot with lhs 0 is empty (no AND gate has literal 0).
  struct Slot {
    uint64_t key = 0;
    uint32_t lhs = 0;
  };
  std::vector<Slot> slots_;

  size_t slot(uint64_t key) const {
    return static_cast<size_t>((key * 0x9e3779b97f4a7c15ull) >> 20) & (slots_.size() - 1);
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<size_t>(1024, 2 * old.size()), Slot{});
    for (const Slot& s : old)
      if (s.lhs != 0) {
        size_t i = slot(s.key);
        while (slots_[i].lhs != 0) i = (i + 1) & (slots_.size() - 1);
        slots_[i] = s;
      }
  }

  AigerGraph& g_;
};

// The AIG as a sink for gate encoders: a monotone BDD node "x ? hi : lo" (lo -> hi) is
// lo | (x & hi), 2 ANDs rather than a 3-AND multiplexer.
class AigGateSink : public GateSink {
 public:
  explicit AigGateSink(AigerBuilder& b) : b_(b) {}
  SinkLit constant(bool value) override { return value ? kLitTrue : kLitFalse; }
  SinkLit monotone_ite(SinkLit x, SinkLit hi, SinkLit lo) override {
    return b_.lor(aig(lo), b_.land(aig(x), aig(hi)));
  }
  SinkLit negate(SinkLit x) override { return aig(x) ^ 1u; }
  SinkLit and2(SinkLit a, SinkLit b) override { return b_.land(aig(a), aig(b)); }
  SinkLit xor2(SinkLit a, SinkLit b) override { return b_.lxor(aig(a), aig(b)); }
  static uint32_t aig(SinkLit l) { return static_cast<uint32_t>(l); }

 private:
  AigerBuilder& b_;
};

std::vector<ThresholdTerm> aiger_threshold_terms(const std::vector<uint32_t>& xs,
                                                 const Node& node) {
  std::vector<ThresholdTerm> terms;
  for (size_t i = 0; i < xs.size(); ++i) terms.push_back({xs[i], node.weights[i]});
  return terms;
}

// The AIG literal of `s`, given the literal of each of its circuit's nodes.
uint32_t aig_literal(const std::vector<uint32_t>& node_lits, Signal s) {
  return node_lits[s.node()] ^ (s.complemented() ? 1u : 0u);
}

std::string bit_name(const std::string& word, size_t bit) {
  return word + "[" + std::to_string(bit) + "]";
}

// Circuits lowered into one AIG over the graph's inputs. A threshold gate that is neither AND nor
// OR gets the encoding the CNF would give it, BDD, adder network or totalizer
// (lib/threshold_encode.hpp), sharing BDD nodes, sums and counters with every gate lowered before,
// whichever circuit it came from: a gate both sides of a pair build alike is encoded once.
class AigerLowering {
 public:
  // The graph's inputs are `shape`'s input bits, named after its words.
  AigerLowering(AigerGraph& g, const Circuit& shape) : b_(g), sink_(b_) {
    g.num_inputs = static_cast<uint32_t>(shape.input_nodes().size());
    for (const auto& w : shape.input_words())
      for (size_t i = 0; i < w.bits.size(); ++i) g.input_names.push_back(bit_name(w.name, i));
  }
  AigerBuilder& builder() { return b_; }

  // The AIG literal of every node of `c` (same inputs as the graph) in the cone of `roots`.
  std::vector<uint32_t> lower(const Circuit& c, const std::vector<Signal>& roots) {
    const std::vector<char> needed = c.cone(roots);
    std::vector<uint32_t> lit(c.num_nodes(), kLitFalse);  // node -> AIG literal (node 0: false)
    for (uint32_t i = 0; i < c.input_nodes().size(); ++i) lit[c.input_nodes()[i]] = 2 * (i + 1);
    auto map = [&](Signal s) { return aig_literal(lit, s); };
    // The gates over one weighted sum are counted first (by fanin signals), and announced to the
    // encoder when the first of them is reached, once their fanins' AIG literals exist.
    using FormKey = std::pair<std::vector<Signal>, std::vector<int64_t>>;
    std::map<FormKey, int64_t> gates_per_form;
    for (uint32_t n = 1; n < c.num_nodes(); ++n) {
      const Node& node = c.node(n);
      if (needed[n] && node.kind == NodeKind::Threshold && !node.is_and() && !node.is_or())
        ++gates_per_form[{node.fanins, node.weights}];
    }
    // Node indices are topological: a node is created after its fanins.
    for (uint32_t n = 1; n < c.num_nodes(); ++n) {
      if (!needed[n]) continue;
      const Node& node = c.node(n);
      if (node.kind == NodeKind::Xor) {
        lit[n] = b_.lxor(map(node.fanins[0]), map(node.fanins[1]));
        continue;
      }
      if (node.kind != NodeKind::Threshold) continue;
      std::vector<uint32_t> xs;
      for (Signal f : node.fanins) xs.push_back(map(f));
      if (node.is_and()) {
        lit[n] = b_.land_tree(xs);
      } else if (node.is_or()) {
        lit[n] = b_.lor_tree(xs);
      } else {
        const std::vector<ThresholdTerm> terms = aiger_threshold_terms(xs, node);
        if (auto it = gates_per_form.find({node.fanins, node.weights});
            it != gates_per_form.end()) {
          for (int64_t k = 0; k < it->second; ++k) sharing_.expect(terms);
          gates_per_form.erase(it);
        }
        lit[n] = AigGateSink::aig(encode_naming_gate(c, n, [&] {
          return threshold_encode(sink_, sharing_, terms, node.threshold, ThresholdMethod::Auto,
                                  kAigerBddMaxNodes);
        }));
      }
    }
    return lit;
  }

 private:
  AigerBuilder b_;
  AigGateSink sink_;
  ThresholdSharing sharing_;
};

// ------------------------------------------------------------------------------------------------
// Writing

void aiger_write_varint(std::string& out, uint32_t x) {
  while (x & ~0x7fu) {
    out.push_back(static_cast<char>((x & 0x7f) | 0x80));
    x >>= 7;
  }
  out.push_back(static_cast<char>(x));
}

void aiger_write_symbols(std::ostream& out, const AigerGraph& g) {
  for (size_t i = 0; i < g.input_names.size(); ++i)
    out << 'i' << i << ' ' << g.input_names[i] << '\n';
  for (size_t i = 0; i < g.output_names.size(); ++i)
    out << 'o' << i << ' ' << g.output_names[i] << '\n';
  out << "c\n"
      << "circuit " << g.circuit_name << "\n"
      << "written by the threshold-circuit harness (lib/export/aiger.cpp)\n"
      << "threshold gates: AND/OR as AND trees, others as ROBDD (decreasing weight), node = lo | "
         "(x & hi), or as a comparator on a shared adder network where that is much smaller, or as "
         "a digit "
         "of a unary counter (totalizer) where that is smaller still\n";
  if (g.outputs_masked) out << "outputs are ANDed with the input-validity constraints\n";
}

// ------------------------------------------------------------------------------------------------
// Reading

[[noreturn]] void aiger_fail(const std::string& message) {
  throw std::runtime_error("aiger: " + message);
}

// getline without the line end, tolerating "\r\n" files; false at end of file.
bool aiger_getline(std::istream& in, std::string& line) {
  if (!std::getline(in, line)) return false;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

uint32_t aiger_parse_uint(const std::string& token, const std::string& what) {
  if (token.empty() || token.size() > 10 ||
      !std::all_of(token.begin(), token.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
    aiger_fail("bad " + what + " '" + token + "'");
  const uint64_t v = std::stoull(token);
  if (v > 0xffffffffull) aiger_fail(what + " " + token + " is too large");
  return static_cast<uint32_t>(v);
}

uint32_t aiger_read_varint(std::istream& in, size_t gate) {
  uint32_t x = 0;
  for (int shift = 0;; shift += 7) {
    const int ch = in.get();
    if (ch == std::char_traits<char>::eof())
      aiger_fail("unexpected end of file in and gate " + std::to_string(gate));
    if (shift > 28 || (shift == 28 && (ch & 0x7f) > 0xf))
      aiger_fail("delta in and gate " + std::to_string(gate) + " overflows 32 bits");
    x |= static_cast<uint32_t>(ch & 0x7f) << shift;
    if (!(ch & 0x80)) return x;
  }
}

// "sum[3]" -> ("sum", 3); false when the name is not of that form.
bool aiger_split_bit_name(const std::string& s, std::string& word, size_t& bit) {
  const size_t open = s.rfind('[');
  if (open == std::string::npos || open == 0 || s.back() != ']' || open + 2 >= s.size())
    return false;
  const std::string digits = s.substr(open + 1, s.size() - open - 2);
  if (digits.size() > 9 ||
      !std::all_of(digits.begin(), digits.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
    return false;
  word = s.substr(0, open);
  bit = std::stoul(digits);
  return true;
}

// Groups consecutive bits "w[0]", "w[1]", ... into words; empty when the symbols do not allow it.
std::vector<std::pair<std::string, size_t>> aiger_words_from_symbols(
    const std::vector<std::string>& names) {
  std::vector<std::pair<std::string, size_t>> words;
  for (const auto& name : names) {
    std::string word;
    size_t bit = 0;
    if (!aiger_split_bit_name(name, word, bit)) return {};
    if (!words.empty() && words.back().first == word && words.back().second == bit) {
      ++words.back().second;
      continue;
    }
    if (bit != 0) return {};
    for (const auto& w : words)
      if (w.first == word) return {};  // a word split in two
    words.push_back({word, 1});
  }
  return words;
}

}  // namespace

// ------------------------------------------------------------------------------------------------

AigerGraph aiger_from_circuit(const Circuit& c, const AigerOptions& options) {
  const std::vector<Word>& outputs = c.output_words();
  AigerGraph g;
  g.circuit_name = c.name();
  AigerLowering lowering(g, c);
  std::vector<Signal> roots;
  for (const auto& w : outputs) roots.insert(roots.end(), w.bits.begin(), w.bits.end());
  const bool masking = options.mask_invalid_inputs && !c.constraints().empty();
  g.outputs_masked = masking;
  if (masking) roots.insert(roots.end(), c.constraints().begin(), c.constraints().end());
  const std::vector<uint32_t> lit = lowering.lower(c, roots);
  auto map = [&](Signal s) { return aig_literal(lit, s); };
  AigerBuilder& b = lowering.builder();
  uint32_t valid = kLitTrue;
  if (masking) {
    std::vector<uint32_t> cs;
    for (Signal s : c.constraints()) cs.push_back(map(s));
    valid = b.land_tree(cs);
  }
  for (const auto& w : outputs)
    for (size_t i = 0; i < w.bits.size(); ++i) {
      g.outputs.push_back(b.land(map(w.bits[i]), valid));
      g.output_names.push_back(bit_name(w.name, i));
    }
  return g;
}

AigerPair aiger_pair(const Circuit& construction, const Circuit& spec) {
  check_same_interface(construction, spec);
  AigerGraph all;
  all.outputs_masked = !construction.constraints().empty() || !spec.constraints().empty();
  AigerLowering lowering(all, spec);
  AigerBuilder& b = lowering.builder();
  auto lower = [&](const Circuit& c) {
    std::vector<Signal> roots(c.constraints().begin(), c.constraints().end());
    for (const auto& w : c.output_words()) roots.insert(roots.end(), w.bits.begin(), w.bits.end());
    return lowering.lower(c, roots);
  };
  const std::vector<uint32_t> lit_c = lower(construction), lit_s = lower(spec);
  auto in_c = [&](Signal s) { return aig_literal(lit_c, s); };
  auto in_s = [&](Signal s) { return aig_literal(lit_s, s); };
  std::vector<uint32_t> cs;  // both sides' constraints mask every file alike
  for (Signal s : construction.constraints()) cs.push_back(in_c(s));
  for (Signal s : spec.constraints()) cs.push_back(in_s(s));
  const uint32_t valid = b.land_tree(cs);

  // Outputs: the construction's bits, the spec's, then their differences.
  const auto& words = spec.output_words();
  size_t bits = 0;
  for (const auto& w : words) bits += w.bits.size();
  for (int side = 0; side < 3; ++side)
    for (size_t k = 0; k < words.size(); ++k)
      for (size_t i = 0; i < words[k].bits.size(); ++i) {
        const uint32_t c = in_c(construction.output_words()[k].bits[i]);
        const uint32_t s = in_s(words[k].bits[i]);
        all.outputs.push_back(b.land(side == 0 ? c : side == 1 ? s : b.lxor(c, s), valid));
        all.output_names.push_back(
            bit_name(side == 2 ? "diff:" + words[k].name : words[k].name, i));
      }
  AigerPair pair{aiger_select_outputs(all, 0, bits), aiger_select_outputs(all, bits, bits),
                 aiger_select_outputs(all, 2 * bits, bits)};
  pair.construction.circuit_name = construction.name();
  pair.spec.circuit_name = spec.name();
  pair.miter.circuit_name = "miter(" + construction.name() + ", " + spec.name() + ")";
  return pair;
}

AigerGraph aiger_select_outputs(const AigerGraph& g, size_t first, size_t count) {
  AigerGraph s;
  s.num_inputs = g.num_inputs;
  s.input_names = g.input_names;
  s.circuit_name = g.circuit_name;
  s.outputs_masked = g.outputs_masked;
  // AND k of g is variable num_inputs + k + 1; mark the cone from the outputs down, then renumber
  // the marked gates in their order, which keeps lhs > rhs0 >= rhs1.
  std::vector<char> needed(g.ands.size(), 0);
  auto and_index = [&](uint32_t lit) -> int64_t {
    const uint32_t var = lit >> 1;
    return var > g.num_inputs ? int64_t(var) - g.num_inputs - 1 : -1;
  };
  for (size_t o = first; o < first + count; ++o)
    if (const int64_t k = and_index(g.outputs[o]); k >= 0) needed[k] = 1;
  for (size_t k = g.ands.size(); k-- > 0;)
    if (needed[k])
      for (int r = 1; r <= 2; ++r)
        if (const int64_t f = and_index(g.ands[k][r]); f >= 0) needed[f] = 1;
  s.ands.reserve(static_cast<size_t>(std::count(needed.begin(), needed.end(), 1)));
  std::vector<uint32_t> var_of(g.max_var() + 1, 0);  // old variable -> new
  for (uint32_t v = 0; v <= g.num_inputs; ++v) var_of[v] = v;
  auto renamed = [&](uint32_t lit) { return 2 * var_of[lit >> 1] | (lit & 1); };
  for (size_t k = 0; k < g.ands.size(); ++k) {
    if (!needed[k]) continue;
    const uint32_t var = s.max_var() + 1;
    var_of[g.num_inputs + k + 1] = var;
    s.ands.push_back({2 * var, renamed(g.ands[k][1]), renamed(g.ands[k][2])});
  }
  for (size_t o = first; o < first + count; ++o) {
    s.outputs.push_back(renamed(g.outputs[o]));
    s.output_names.push_back(g.output_names[o]);
  }
  return s;
}

void write_aiger_binary(std::ostream& out, const Circuit& circuit, const AigerOptions& options) {
  write_aiger_binary(out, aiger_from_circuit(circuit, options), options.symbols);
}

void write_aiger_binary(std::ostream& out, const AigerGraph& g, bool symbols) {
  out << "aig " << g.max_var() << ' ' << g.num_inputs << " 0 " << g.outputs.size() << ' '
      << g.ands.size() << '\n';
  for (uint32_t o : g.outputs) out << o << '\n';
  std::string deltas;  // written in one piece: a put per byte dominated large files
  deltas.reserve(3 * g.ands.size());
  for (const auto& [lhs, rhs0, rhs1] : g.ands) {
    aiger_write_varint(deltas, lhs - rhs0);
    aiger_write_varint(deltas, rhs0 - rhs1);
  }
  out.write(deltas.data(), static_cast<std::streamsize>(deltas.size()));
  if (symbols) aiger_write_symbols(out, g);
}

void write_aiger_ascii(std::ostream& out, const Circuit& circuit, const AigerOptions& options) {
  const AigerGraph g = aiger_from_circuit(circuit, options);
  out << "aag " << g.max_var() << ' ' << g.num_inputs << " 0 " << g.outputs.size() << ' '
      << g.ands.size() << '\n';
  for (uint32_t i = 1; i <= g.num_inputs; ++i) out << 2 * i << '\n';
  for (uint32_t o : g.outputs) out << o << '\n';
  for (const auto& [lhs, rhs0, rhs1] : g.ands) out << lhs << ' ' << rhs0 << ' ' << rhs1 << '\n';
  if (options.symbols) aiger_write_symbols(out, g);
}

Circuit read_aiger_binary(std::istream& in) {
  std::string line;
  if (!aiger_getline(in, line)) aiger_fail("empty file");
  std::istringstream header(line);
  std::vector<std::string> tokens;
  for (std::string t; header >> t;) tokens.push_back(t);
  if (tokens.empty() || tokens[0] != "aig")
    aiger_fail(tokens.empty() || tokens[0] != "aag"
                   ? "header must start with 'aig'"
                   : "ASCII 'aag' files are not read, only binary 'aig'");
  if (tokens.size() < 6) aiger_fail("header '" + line + "' needs M I L O A");
  const uint32_t m = aiger_parse_uint(tokens[1], "M");
  const uint32_t ni = aiger_parse_uint(tokens[2], "I");
  const uint32_t nl = aiger_parse_uint(tokens[3], "L");
  const uint32_t no = aiger_parse_uint(tokens[4], "O");
  const uint32_t na = aiger_parse_uint(tokens[5], "A");
  for (size_t i = 6; i < tokens.size(); ++i)  // AIGER 1.9 B C J F sections
    if (aiger_parse_uint(tokens[i], "header field") != 0)
      aiger_fail("bad state, constraint, justice and fairness sections are not supported");
  if (nl != 0) aiger_fail("latches are not supported (L = " + std::to_string(nl) + ")");
  if (uint64_t(ni) + na != m) aiger_fail("M = " + std::to_string(m) + " is not I + L + A");
  if (m >= (1u << 31)) aiger_fail("M = " + std::to_string(m) + " is too large");
  const uint32_t max_lit = 2 * m + 1;

  std::vector<uint32_t> outputs;
  for (uint32_t i = 0; i < no; ++i) {
    if (!aiger_getline(in, line)) aiger_fail("missing output " + std::to_string(i));
    const uint32_t o = aiger_parse_uint(line, "output literal");
    if (o > max_lit) aiger_fail("output literal " + line + " exceeds 2M+1");
    outputs.push_back(o);
  }
  std::vector<std::array<uint32_t, 2>> ands;
  for (uint32_t k = 0; k < na; ++k) {
    const uint32_t lhs = 2 * (ni + k + 1);
    const uint32_t d0 = aiger_read_varint(in, k);
    const uint32_t d1 = aiger_read_varint(in, k);
    if (d0 == 0 || d0 > lhs) aiger_fail("and gate " + std::to_string(k) + ": bad first delta");
    if (d1 > lhs - d0) aiger_fail("and gate " + std::to_string(k) + ": bad second delta");
    ands.push_back({lhs - d0, lhs - d0 - d1});
  }

  std::vector<std::string> in_names(ni), out_names(no);
  while (aiger_getline(in, line)) {
    if (line.empty()) continue;
    if (line[0] == 'c') break;  // the comment section runs to the end of the file
    const size_t space = line.find(' ');
    if ((line[0] != 'i' && line[0] != 'o') || space == std::string::npos ||
        space + 1 >= line.size())
      aiger_fail("bad symbol line '" + line.substr(0, 40) + "'");
    const uint32_t pos = aiger_parse_uint(line.substr(1, space - 1), "symbol position");
    auto& names = line[0] == 'i' ? in_names : out_names;
    if (pos >= names.size()) aiger_fail("symbol '" + line.substr(0, 40) + "' names no such pin");
    names[pos] = line.substr(space + 1);
  }

  Circuit c("aiger");
  std::vector<Signal> sig(m + 1, kFalse);  // variable -> signal
  auto in_words = aiger_words_from_symbols(in_names);
  if (in_words.empty() && ni > 0) in_words = {{"in", ni}};
  uint32_t var = 1;
  for (const auto& [name, width] : in_words)
    for (Signal s : c.add_input_word(name, static_cast<int>(width), Decoding::unsigned_int()))
      sig[var++] = s;
  auto lit = [&](uint32_t l) { return sig[l >> 1] ^ ((l & 1) != 0); };
  for (uint32_t k = 0; k < na; ++k)
    sig[ni + k + 1] = c.create_and(lit(ands[k][0]), lit(ands[k][1]));
  auto out_words = aiger_words_from_symbols(out_names);
  if (out_words.empty() && no > 0) out_words = {{"out", no}};
  size_t next = 0;
  for (const auto& [name, width] : out_words) {
    Bits bits;
    for (size_t i = 0; i < width; ++i) bits.push_back(lit(outputs[next++]));
    c.add_output_word(name, bits, Decoding::unsigned_int());
  }
  return c;
}

Circuit aiger_share_constraints(const Circuit& circuit, const Circuit& other) {
  check_same_interface(circuit, other);
  Circuit c = circuit;
  std::vector<Signal> inputs;
  for (uint32_t n : c.input_nodes()) inputs.push_back(Signal(n, false));
  // Importing all of `other` adds gates outside the outputs' cone; exporters skip those.
  const std::vector<Signal> map = c.import(other, inputs);
  for (Signal s : other.constraints()) c.add_constraint(map[s.node()] ^ s.complemented());
  return c;
}

}  // namespace tc
