// Reading the plain-text circuit format (see circuit_text.hpp, docs/circuit-format.md).
//
// One pass over the lines with a cursor; each statement is parsed by a small recursive-descent
// function and built into the Circuit at once, so memory is the circuit's own plus one line. A
// name that is not yet defined is remembered and the rest of the file is only scanned for its
// definition, to tell "used before its definition" (which is also how a cycle shows, since
// gates must be listed in topological order) from "unknown signal".
#include <algorithm>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include "lib/io/circuit_text.hpp"

namespace tc {

namespace {

constexpr std::string_view kKeywords[] = {"circuit", "input", "output", "constraint", "cut",
                                          "in",      "out",   "assume", "guarantee",  "block",
                                          "AND",     "OR",    "NOT",    "MAJ",        "XOR"};

bool is_keyword(std::string_view s) {
  return std::find(std::begin(kKeywords), std::end(kKeywords), s) != std::end(kKeywords);
}

// ASCII only, independent of the locale.
bool is_digit(char ch) { return ch >= '0' && ch <= '9'; }
bool is_name_start(char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' || ch == '$';
}
bool is_name_char(char ch) { return is_name_start(ch) || is_digit(ch) || ch == '.'; }
bool is_space(char ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\v' || ch == '\f'; }

// Transparent hashing, so lookups by string_view do not allocate.
struct NameHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <class V>
using NameMap = std::unordered_map<std::string, V, NameHash, std::equal_to<>>;

// Thrown inside the reader when a statement names a signal not defined so far; the rest of the
// file then decides which error it is.
struct Unresolved {};

class TextReader {
 public:
  TextReader(std::istream& in, const std::string& source, const TextReadOptions& options)
      : in_(in), source_(source), options_(options) {}

  Circuit read() {
    while (std::getline(in_, line_)) {
      ++line_no_;
      if (const size_t hash = line_.find('#'); hash != std::string::npos) line_.resize(hash);
      pos_ = 0;
      if (pending_) {
        scan_for_definition();
        continue;
      }
      skip_spaces();
      if (at_end()) continue;
      try {
        statement();
      } catch (const Unresolved&) {
      }
    }
    if (in_.bad()) throw CircuitReadError(source_, line_no_, 1, "read error");
    if (pending_) {
      if (pending_->defined_on)
        throw CircuitReadError(source_, pending_->line, pending_->column,
                               "'" + pending_->name + "' is used before its definition on line " +
                                   std::to_string(pending_->defined_on) +
                                   " (gates must follow the signals they read, so a cycle is "
                                   "reported here too)");
      throw CircuitReadError(source_, pending_->line, pending_->column,
                             "unknown signal '" + pending_->name + "'");
    }
    if (!circuit_ || circuit_->output_words().empty())
      throw CircuitReadError(source_, std::max<size_t>(line_no_, 1), 1,
                             "missing output: the file declares no output word");
    return std::move(*circuit_);
  }

 private:
  // ----------------------------------------------------------------------------------------------
  // Lexing the current line

  [[noreturn]] void fail(size_t pos, const std::string& reason) const {
    throw CircuitReadError(source_, line_no_, pos + 1, reason);
  }

  // What the cursor is looking at, quoted for an error message: at most 16 printable characters.
  std::string found() const {
    if (pos_ >= line_.size()) return "end of line";
    std::string s = "'";
    for (size_t i = pos_; i < line_.size() && i < pos_ + 16 && !is_space(line_[i]); ++i)
      s += (line_[i] >= 0x20 && line_[i] < 0x7f) ? line_[i] : '?';
    return s + "'";
  }

  void skip_spaces() {
    while (pos_ < line_.size() && is_space(line_[pos_])) ++pos_;
  }
  bool at_end() const { return pos_ >= line_.size(); }
  char peek() const { return at_end() ? '\0' : line_[pos_]; }

  bool accept(char ch) {
    skip_spaces();
    if (peek() != ch) return false;
    ++pos_;
    return true;
  }
  void expect(char ch, const std::string& context) {
    if (!accept(ch))
      fail(pos_, std::string("expected '") + ch + "' " + context + ", found " + found());
  }

  std::string_view name(const std::string& what) {
    skip_spaces();
    if (!is_name_start(peek())) fail(pos_, "expected " + what + ", found " + found());
    const size_t start = pos_;
    while (pos_ < line_.size() && is_name_char(line_[pos_])) ++pos_;
    return std::string_view(line_).substr(start, pos_ - start);
  }

  // A run of non-blank characters (circuit and cut names may contain '-', '(' and so on).
  std::string_view token(const std::string& what) {
    skip_spaces();
    const size_t start = pos_;
    while (pos_ < line_.size() && !is_space(line_[pos_])) ++pos_;
    if (pos_ == start) fail(pos_, "expected " + what + ", found end of line");
    return std::string_view(line_).substr(start, pos_ - start);
  }

  // The identifier at the cursor without consuming it; empty when there is none.
  std::string_view peek_name() const {
    size_t p = pos_;
    while (p < line_.size() && is_space(line_[p])) ++p;
    if (p >= line_.size() || !is_name_start(line_[p])) return {};
    const size_t start = p;
    while (p < line_.size() && is_name_char(line_[p])) ++p;
    return std::string_view(line_).substr(start, p - start);
  }

  // Unsigned decimal digits; "out of range" beyond what int64 holds.
  uint64_t digits(const std::string& what, uint64_t max) {
    skip_spaces();
    if (!is_digit(peek())) fail(pos_, "expected " + what + ", found " + found());
    const size_t start = pos_;
    uint64_t v = 0;
    while (is_digit(peek())) {
      const uint64_t d = static_cast<uint64_t>(line_[pos_] - '0');
      if (v > (max - d) / 10)
        fail(start, what + " out of range (at most " + std::to_string(max) + ")");
      v = v * 10 + d;
      ++pos_;
    }
    if (is_name_char(peek())) fail(start, "expected " + what + ", found " + found());
    return v;
  }

  int64_t signed_integer(const std::string& what) {
    skip_spaces();
    const bool negative = accept('-');
    const uint64_t v = digits(what, static_cast<uint64_t>(INT64_MAX));
    return negative ? -static_cast<int64_t>(v) : static_cast<int64_t>(v);
  }

  void end_of_statement() {
    skip_spaces();
    if (!at_end()) fail(pos_, "unexpected " + found() + " after the end of the statement");
  }

  // ----------------------------------------------------------------------------------------------
  // Signals

  Circuit& circuit() {
    if (!circuit_) circuit_.emplace(circuit_name_);
    return *circuit_;
  }

  // [!] ( 0 | 1 | gate | word[bit] | word )   (a bare word name: a word of one bit)
  Signal signal() {
    skip_spaces();
    const bool negated = accept('!');
    skip_spaces();
    const size_t start = pos_;
    if (is_digit(peek())) {
      const uint64_t v = digits("a signal", UINT64_MAX / 2);
      if (v > 1 || pos_ - start != 1)
        fail(start, "expected a signal (0, 1 or a name), found a number");
      return (v ? kTrue : kFalse) ^ negated;
    }
    const std::string_view n = name("a signal");
    if (peek() == '[') {
      ++pos_;
      const uint64_t bit = digits("a bit index", UINT32_MAX);
      if (!accept(']')) fail(pos_, "expected ']' after the bit index, found " + found());
      const auto it = inputs_.find(n);
      if (it == inputs_.end()) {
        if (gates_.count(n)) fail(start, "'" + std::string(n) + "' is a gate, not an input word");
        unresolved(n, start);
      }
      const Word& w = circuit().input_words()[it->second];
      if (bit >= w.bits.size())
        fail(start, "width mismatch: input word '" + w.name + "' has " +
                        std::to_string(w.bits.size()) + " bits, " + w.name + "[0].." + w.name +
                        "[" + std::to_string(w.bits.size() - 1) + "]");
      return w.bits[bit] ^ negated;
    }
    if (is_keyword(n)) fail(start, "'" + std::string(n) + "' is a keyword, not a signal");
    if (const auto it = gates_.find(n); it != gates_.end()) return it->second.signal ^ negated;
    if (const auto it = inputs_.find(n); it != inputs_.end()) {
      const Word& w = circuit().input_words()[it->second];
      if (w.bits.size() != 1)
        fail(start, "width mismatch: input word '" + w.name + "' has " +
                        std::to_string(w.bits.size()) + " bits; name one as " + w.name + "[i]");
      return w.bits[0] ^ negated;
    }
    unresolved(n, start);
  }

  [[noreturn]] void unresolved(std::string_view n, size_t pos) {
    pending_ = Pending{std::string(n), line_no_, pos + 1, 0};
    throw Unresolved{};
  }

  // "( s, s, ... )" with at least one signal.
  std::vector<Signal> signal_list(const std::string& gate_kind) {
    expect('(', "after " + gate_kind);
    std::vector<Signal> xs;
    do xs.push_back(signal());
    while (accept(','));
    expect(')', "to close " + gate_kind + "(...)");
    return xs;
  }

  // Signals up to the end of the line or the next of the given keywords (not followed by '[',
  // which would make it an input word's bit).
  std::vector<Signal> signals_until(std::initializer_list<std::string_view> stops) {
    std::vector<Signal> xs;
    for (;;) {
      skip_spaces();
      if (at_end()) return xs;
      const std::string_view n = peek_name();
      if (!n.empty() && std::find(stops.begin(), stops.end(), n) != stops.end()) {
        size_t after = pos_ + n.size();
        if (after >= line_.size() || line_[after] != '[') return xs;
      }
      xs.push_back(signal());
    }
  }

  // ----------------------------------------------------------------------------------------------
  // Statements

  void statement() {
    const size_t start = pos_;
    const std::string_view first = peek_name();
    // A keyword followed by '=' is a (rejected) gate name, handled by gate().
    size_t after = pos_ + first.size();
    while (after < line_.size() && is_space(line_[after])) ++after;
    const bool assignment = after < line_.size() && line_[after] == '=';
    if (!assignment && first == "circuit") return circuit_line(start);
    if (!assignment && first == "input") return input_line();
    if (!assignment && first == "output") return output_line();
    if (!assignment && first == "constraint") return constraint_line();
    if (!assignment && first == "cut") return cut_line();
    if (!assignment && first == "split") return split_line();
    gate_line();
  }

  void circuit_line(size_t start) {
    pos_ += std::string_view("circuit").size();
    if (circuit_) fail(start, "the 'circuit' line must come first and only once");
    circuit_name_ = std::string(token("a circuit name"));
    end_of_statement();
    circuit();
  }

  int width() {
    const size_t start = (skip_spaces(), pos_);
    const uint64_t w = digits("a width", UINT32_MAX);
    if (w < 1 || w > static_cast<uint64_t>(kMaxWordWidth))
      fail(start,
           "width " + std::to_string(w) + " is out of range 1.." + std::to_string(kMaxWordWidth));
    return static_cast<int>(w);
  }

  // [unsigned | signed | bool | float P E], checked against the width.
  Decoding decoding(int width, size_t width_pos) {
    const std::string_view kind = peek_name();
    if (kind.empty()) return Decoding::unsigned_int();
    const size_t start = (skip_spaces(), pos_);
    if (kind != "unsigned" && kind != "signed" && kind != "bool" && kind != "float")
      fail(start,
           "unknown decoding '" + std::string(kind) + "' (unsigned, signed, bool or float P E)");
    pos_ += kind.size();
    if (kind == "unsigned") return Decoding::unsigned_int();
    if (kind == "signed") return Decoding::signed_int();
    if (kind == "bool") {
      if (width != 1)
        fail(width_pos, "width mismatch: a bool word has 1 bit, not " + std::to_string(width));
      return Decoding::boolean();
    }
    const uint64_t p = digits("the float's significand bits", 62);
    const uint64_t e = digits("the float's exponent bits", 62);
    if (p < 1 || e < 1)
      fail(start, "a float word needs at least one significand and one exponent bit");
    if (static_cast<uint64_t>(width) != p + e + 1)
      fail(width_pos, "width mismatch: float " + std::to_string(p) + " " + std::to_string(e) +
                          " has " + std::to_string(p + e + 1) +
                          " bits (significand, exponent, sign), not " + std::to_string(width));
    return Decoding::floating(static_cast<int>(p), static_cast<int>(e));
  }

  // Input words may carry a keyword's name ("in", "out"): their bits are always written w[i].
  void check_new_word_or_gate_name(std::string_view n, size_t pos, bool gate) {
    if (gate && is_keyword(n)) fail(pos, "'" + std::string(n) + "' is a keyword, not a gate name");
    if (inputs_.count(n))
      fail(pos, "duplicate name '" + std::string(n) + "': already an input word");
    if (const auto it = gates_.find(n); it != gates_.end())
      fail(pos, "duplicate name '" + std::string(n) + "': already a gate (line " +
                    std::to_string(it->second.line) + ")");
  }

  void input_line() {
    pos_ += std::string_view("input").size();
    const size_t start = (skip_spaces(), pos_);
    const std::string word(name("an input word name"));
    check_new_word_or_gate_name(word, start, false);
    const size_t width_pos = (skip_spaces(), pos_);
    const int w = width();
    const Decoding d = decoding(w, width_pos);
    end_of_statement();
    inputs_.emplace(word, circuit().input_words().size());
    circuit().add_input_word(word, w, d);
  }

  void output_line() {
    pos_ += std::string_view("output").size();
    const size_t start = (skip_spaces(), pos_);
    const std::string word(name("an output word name"));
    if (outputs_.count(word)) fail(start, "duplicate name '" + word + "': already an output word");
    const size_t width_pos = (skip_spaces(), pos_);
    const int w = width();
    const Decoding d = decoding(w, width_pos);
    expect('=', "before the output's bits");
    Bits bits;
    for (skip_spaces(); !at_end(); skip_spaces()) {
      if (bits.size() == static_cast<size_t>(w))
        fail(pos_, "width mismatch: output word '" + word + "' declares " + std::to_string(w) +
                       " bits but lists more");
      bits.push_back(signal());
    }
    if (bits.size() != static_cast<size_t>(w))
      fail(width_pos, "width mismatch: output word '" + word + "' declares " + std::to_string(w) +
                          " bits but lists " + std::to_string(bits.size()));
    outputs_.emplace(word, 0);
    circuit().add_output_word(word, std::move(bits), d);
  }

  void constraint_line() {
    pos_ += std::string_view("constraint").size();
    const Signal s = signal();
    end_of_statement();
    if (options_.on_constraint)
      options_.on_constraint(s);
    else
      circuit().add_constraint(s);
  }

  // cut NAME in SIGNALS out SIGNALS [assume SIGNAL] [guarantee SIGNAL] [block] [DECODING]
  void cut_line() {
    pos_ += std::string_view("cut").size();
    const size_t start = (skip_spaces(), pos_);
    const std::string cut(token("a cut name"));
    if (cuts_.count(cut)) fail(start, "duplicate name '" + cut + "': already a cut");
    if (name("'in'") != "in") fail(pos_, "expected 'in' after the cut name");
    Bits ins = signals_until({"out"});
    if (peek_name() != "out") fail(pos_, "expected 'out' after the cut's inputs, found " + found());
    name("'out'");
    const size_t outs_pos = pos_;
    Bits outs =
        signals_until({"assume", "guarantee", "block", "unsigned", "signed", "bool", "float"});
    Signal assumption = kTrue, guarantee = kTrue;
    bool block = false;
    if (peek_name() == "assume") {
      name("'assume'");
      assumption = signal();
    }
    if (peek_name() == "guarantee") {
      name("'guarantee'");
      guarantee = signal();
    }
    if (peek_name() == "block") {
      name("'block'");
      block = true;
    }
    // How the outputs read as one word, as an input or output word's decoding is written.
    const Decoding d = decoding(static_cast<int>(outs.size()), outs_pos);
    end_of_statement();
    cuts_.emplace(cut, 0);
    circuit().add_cut(cut, std::move(ins), std::move(outs), assumption, guarantee, block, d);
  }

  // split NAME SIGNALS: a case split (Circuit::add_case_split), a hint for the SAT miter. Not a
  // keyword elsewhere: a gate may still be named 'split'.
  void split_line() {
    pos_ += std::string_view("split").size();
    const size_t start = (skip_spaces(), pos_);
    const std::string split(token("a case split name"));
    if (splits_.count(split)) fail(start, "duplicate name '" + split + "': already a case split");
    const size_t bits_pos = (skip_spaces(), pos_);
    Bits bits = signals_until({});
    if (bits.empty() || bits.size() > static_cast<size_t>(Circuit::kMaxCaseSplitBits))
      fail(bits_pos, "a case split has 1 to " + std::to_string(Circuit::kMaxCaseSplitBits) +
                         " signals, found " + std::to_string(bits.size()));
    end_of_statement();
    splits_.emplace(split, 0);
    circuit().add_case_split(split, std::move(bits));
  }

  // NAME = AND(..) | OR(..) | MAJ(..) | NOT(x) | XOR(x, y) | [-] [W*]x {+|- [W*]x} >= T
  void gate_line() {
    const size_t start = pos_;
    const std::string gate(
        name("a statement (input, output, constraint, cut, or a gate NAME = ...)"));
    check_new_word_or_gate_name(gate, start, true);
    expect('=', "after the gate name '" + gate + "'");
    const std::string_view kind = peek_name();
    size_t after = pos_;
    while (after < line_.size() && is_space(line_[after])) ++after;
    after += kind.size();
    while (after < line_.size() && is_space(line_[after])) ++after;
    const bool shorthand = !kind.empty() && after < line_.size() && line_[after] == '(';
    Signal s;
    if (shorthand) {
      name("a gate");
      const std::string k(kind);
      std::vector<Signal> xs;
      if (k == "AND" || k == "OR" || k == "MAJ") {
        xs = signal_list(k);
        s = build(start, [&] {
          return k == "AND"  ? circuit().create_and(xs)
                 : k == "OR" ? circuit().create_or(xs)
                             : circuit().create_majority(xs);
        });
      } else if (k == "NOT" || k == "XOR") {
        xs = signal_list(k);
        const size_t arity = k == "NOT" ? 1 : 2;
        if (xs.size() != arity)
          fail(start, k + " takes " + std::to_string(arity) + " input" + (arity > 1 ? "s" : "") +
                          ", not " + std::to_string(xs.size()));
        s = k == "NOT" ? !xs[0] : circuit().create_xor(xs[0], xs[1]);
      } else {
        fail(start, "unknown gate '" + k + "' (AND, OR, MAJ, NOT, XOR, or a weighted sum)");
      }
    } else {
      std::vector<Signal> fanins;
      std::vector<int64_t> weights;
      bool negative = accept('-');
      for (;;) {
        skip_spaces();
        uint64_t w = 1;
        if (is_digit(peek())) {  // a coefficient "W*", or the constant 0 or 1
          const size_t save = pos_;
          const uint64_t v = digits("a weight", static_cast<uint64_t>(INT64_MAX));
          if (accept('*'))
            w = v;
          else
            pos_ = save;
        }
        fanins.push_back(signal());
        weights.push_back(negative ? -static_cast<int64_t>(w) : static_cast<int64_t>(w));
        skip_spaces();
        if (accept('+'))
          negative = false;
        else if (peek() == '-')
          negative = (++pos_, true);
        else if (peek() == '>' && pos_ + 1 < line_.size() && line_[pos_ + 1] == '=')
          break;
        else
          fail(pos_, "expected '+', '-' or '>=' in the weighted sum, found " + found());
      }
      pos_ += 2;
      const int64_t t = signed_integer("a threshold");
      s = build(start, [&] { return circuit().create_threshold(fanins, weights, t); });
    }
    end_of_statement();
    gates_.emplace(gate, GateName{s, line_no_});
  }

  template <class Build>
  Signal build(size_t start, Build&& b) {
    try {
      return b();
    } catch (const std::overflow_error&) {
      fail(start,
           "weight out of range: the gate's weights sum to 2^61 or more after normalization "
           "(the IR's bound, lib/circuit.hpp)");
    }
  }

  // In scan mode (after an unresolved name): does this line define the pending name?
  void scan_for_definition() {
    skip_spaces();
    std::string_view first = peek_name();
    if (first.empty()) return;
    pos_ += (skip_spaces(), first.size());
    if (first == "input") {
      if (peek_name() == pending_->name)
        pending_->defined_on = pending_->defined_on ? pending_->defined_on : line_no_;
      return;
    }
    if (first == pending_->name && accept('=') && !pending_->defined_on)
      pending_->defined_on = line_no_;
  }

  struct GateName {
    Signal signal;
    size_t line;
  };
  struct Pending {
    std::string name;
    size_t line, column;
    size_t defined_on;  // 0: never
  };

  std::istream& in_;
  const std::string& source_;
  const TextReadOptions& options_;
  std::string line_;
  size_t line_no_ = 0, pos_ = 0;
  std::optional<Circuit> circuit_;
  std::string circuit_name_ = "circuit";
  NameMap<GateName> gates_;
  NameMap<size_t> inputs_;  // word -> index in input_words()
  NameMap<char> outputs_, cuts_, splits_;
  std::optional<Pending> pending_;
};

}  // namespace

Circuit read_circuit_text(std::istream& in, const std::string& source,
                          const TextReadOptions& options) {
  return TextReader(in, source, options).read();
}

}  // namespace tc
