// AIGER export and import (see aiger.hpp). The exporter lowers the circuit into a structurally
// hashed AIG (AigerBuilder), then the binary and ASCII writers print the same graph; the reader
// checks every header field, delta and literal before it builds a Circuit of 2-input AND gates.
#include "lib/export/aiger.hpp"

#include <algorithm>
#include <cassert>
#include <map>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

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
    if (auto it = hash_.find(key); it != hash_.end()) return it->second;
    const uint32_t lhs = 2 * (g_.max_var() + 1);
    g_.ands.push_back({lhs, a, b});
    hash_.emplace(key, lhs);
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
  AigerGraph& g_;
  std::unordered_map<uint64_t, uint32_t> hash_;
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

std::string bit_name(const std::string& word, size_t bit) {
  return word + "[" + std::to_string(bit) + "]";
}

// ------------------------------------------------------------------------------------------------
// Writing

void aiger_write_varint(std::ostream& out, uint32_t x) {
  while (x & ~0x7fu) {
    out.put(static_cast<char>((x & 0x7f) | 0x80));
    x >>= 7;
  }
  out.put(static_cast<char>(x));
}

void aiger_write_symbols(std::ostream& out, const AigerGraph& g, const Circuit& c,
                         const AigerOptions& options) {
  if (!options.symbols) return;
  for (size_t i = 0; i < g.input_names.size(); ++i)
    out << 'i' << i << ' ' << g.input_names[i] << '\n';
  for (size_t i = 0; i < g.output_names.size(); ++i)
    out << 'o' << i << ' ' << g.output_names[i] << '\n';
  out << "c\n"
      << "circuit " << c.name() << "\n"
      << "written by the threshold-circuit harness (lib/export/aiger.cpp)\n"
      << "threshold gates: AND/OR as AND trees, others as ROBDD (decreasing weight), node = lo | "
         "(x & hi), or as a comparator on a shared adder network where that is much smaller, or as "
         "a digit "
         "of a unary counter (totalizer) where that is smaller still\n";
  if (options.mask_invalid_inputs && !c.constraints().empty())
    out << "outputs are ANDed with the input-validity constraints\n";
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
  AigerGraph g;
  AigerBuilder b(g);
  std::vector<Signal> roots;
  for (const auto& w : c.output_words()) roots.insert(roots.end(), w.bits.begin(), w.bits.end());
  const bool masking = options.mask_invalid_inputs && !c.constraints().empty();
  if (masking) roots.insert(roots.end(), c.constraints().begin(), c.constraints().end());
  const std::vector<char> needed = c.cone(roots);

  std::vector<uint32_t> lit(c.num_nodes(), kLitFalse);  // node -> AIG literal (node 0: false)
  g.num_inputs = static_cast<uint32_t>(c.input_nodes().size());
  for (uint32_t i = 0; i < g.num_inputs; ++i) lit[c.input_nodes()[i]] = 2 * (i + 1);
  for (const auto& w : c.input_words())
    for (size_t i = 0; i < w.bits.size(); ++i) g.input_names.push_back(bit_name(w.name, i));
  auto map = [&](Signal s) { return lit[s.node()] ^ (s.complemented() ? 1u : 0u); };

  // A threshold gate that is neither AND nor OR gets the encoding the CNF would give it, BDD, adder
  // network or totalizer (lib/threshold_encode.hpp), sharing BDD nodes, sums and counters with the
  // other gates.
  // The gates over one weighted sum are counted first (by fanin signals), and announced to the
  // encoder when the first of them is reached, once their fanins' AIG literals exist.
  AigGateSink sink(b);
  ThresholdSharing sharing;
  using FormKey = std::pair<std::vector<Signal>, std::vector<int64_t>>;
  std::map<FormKey, int64_t> gates_per_form;
  for (uint32_t n = 1; n < c.num_nodes(); ++n) {
    const Node& node = c.node(n);
    if (needed[n] && node.kind == NodeKind::Threshold && !node.is_and() && !node.is_or())
      ++gates_per_form[{node.fanins, node.weights}];
  }
  auto fanin_literals = [&](const Node& node) {
    std::vector<uint32_t> xs;
    for (Signal f : node.fanins) xs.push_back(map(f));
    return xs;
  };
  // Node indices are topological: a node is created after its fanins.
  for (uint32_t n = 1; n < c.num_nodes(); ++n) {
    if (!needed[n]) continue;
    const Node& node = c.node(n);
    if (node.kind == NodeKind::Xor) {
      lit[n] = b.lxor(map(node.fanins[0]), map(node.fanins[1]));
    } else if (node.kind == NodeKind::Threshold) {
      const std::vector<uint32_t> xs = fanin_literals(node);
      if (node.is_and())
        lit[n] = b.land_tree(xs);
      else if (node.is_or())
        lit[n] = b.lor_tree(xs);
      else {
        const std::vector<ThresholdTerm> terms = aiger_threshold_terms(xs, node);
        if (auto it = gates_per_form.find({node.fanins, node.weights});
            it != gates_per_form.end()) {
          for (int64_t k = 0; k < it->second; ++k) sharing.expect(terms);
          gates_per_form.erase(it);
        }
        lit[n] = AigGateSink::aig(encode_naming_gate(c, n, [&] {
          return threshold_encode(sink, sharing, terms, node.threshold, ThresholdMethod::Auto,
                                  kAigerBddMaxNodes);
        }));
      }
    }
  }

  uint32_t valid = kLitTrue;
  if (masking) {
    std::vector<uint32_t> cs;
    for (Signal s : c.constraints()) cs.push_back(map(s));
    valid = b.land_tree(cs);
  }
  for (const auto& w : c.output_words())
    for (size_t i = 0; i < w.bits.size(); ++i) {
      g.outputs.push_back(b.land(map(w.bits[i]), valid));
      g.output_names.push_back(bit_name(w.name, i));
    }
  return g;
}

void write_aiger_binary(std::ostream& out, const Circuit& circuit, const AigerOptions& options) {
  const AigerGraph g = aiger_from_circuit(circuit, options);
  out << "aig " << g.max_var() << ' ' << g.num_inputs << " 0 " << g.outputs.size() << ' '
      << g.ands.size() << '\n';
  for (uint32_t o : g.outputs) out << o << '\n';
  for (const auto& [lhs, rhs0, rhs1] : g.ands) {
    aiger_write_varint(out, lhs - rhs0);
    aiger_write_varint(out, rhs0 - rhs1);
  }
  aiger_write_symbols(out, g, circuit, options);
}

void write_aiger_ascii(std::ostream& out, const Circuit& circuit, const AigerOptions& options) {
  const AigerGraph g = aiger_from_circuit(circuit, options);
  out << "aag " << g.max_var() << ' ' << g.num_inputs << " 0 " << g.outputs.size() << ' '
      << g.ands.size() << '\n';
  for (uint32_t i = 1; i <= g.num_inputs; ++i) out << 2 * i << '\n';
  for (uint32_t o : g.outputs) out << o << '\n';
  for (const auto& [lhs, rhs0, rhs1] : g.ands) out << lhs << ' ' << rhs0 << ' ' << rhs1 << '\n';
  aiger_write_symbols(out, g, circuit, options);
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
