// Reading combinational AIGER (see aiger_read.hpp).
//
// The header, input, output and ASCII AND lines are parsed by hand from a byte stream that keeps
// line and column; every number is range-checked before it indexes anything, and no container
// is sized from a header field alone (a one-line file cannot demand gigabytes). ASCII AND gates
// may come in any order, so they are built by an explicit-stack depth-first search that reports
// a cycle; binary AND gates are in order by construction (lhs = 2 (I + k + 1) > rhs0 >= rhs1).
#include "lib/io/aiger_read.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <unordered_map>

namespace tc {

namespace {

class AigerReader {
  struct Output {
    uint32_t lit;
    size_t line, column;
  };
  struct And {
    uint32_t rhs0, rhs1;
    size_t line, column;
    bool visiting = false;  // on the depth-first stack (ASCII gates may form a cycle)
  };

 public:
  AigerReader(std::istream& in, const std::string& source, const AigerReadOptions& options)
      : in_(in), source_(source), options_(options) {}

  Circuit read() {
    header();
    if (binary_) {
      for (uint32_t v = 1; v <= ni_; ++v) input_var_.emplace(v, v - 1);
    } else {
      for (uint32_t i = 0; i < ni_; ++i) input_line(i);
    }
    for (uint32_t i = 0; i < no_; ++i) output_line(i);
    // Inputs exist as words before any gate, so the words come from the symbols first; the
    // gates are kept (ASCII) or read (binary) afterwards.
    if (!binary_)
      for (uint32_t k = 0; k < na_; ++k) ascii_and_line(k);
    else
      binary_ands();
    symbols();
    return build();
  }

 private:
  // ----------------------------------------------------------------------------------------------
  // Bytes with positions

  int get() {
    const int ch = in_.get();
    if (ch == std::char_traits<char>::eof()) return -1;
    if (ch == '\n') {
      ++line_;
      column_ = 1;
    } else {
      ++column_;
    }
    return ch;
  }
  int peek() {
    const int ch = in_.peek();
    return ch == std::char_traits<char>::eof() ? -1 : ch;
  }

  [[noreturn]] void fail(const std::string& reason) const {
    throw CircuitReadError(source_, line_, column_, reason);
  }
  [[noreturn]] void fail_at(size_t line, size_t column, const std::string& reason) const {
    throw CircuitReadError(source_, line, column, reason);
  }

  static std::string shown(int ch) {
    if (ch < 0) return "end of file";
    if (ch == '\n') return "end of line";
    if (ch >= 0x20 && ch < 0x7f) return std::string("'") + static_cast<char>(ch) + "'";
    return "byte " + std::to_string(ch);
  }

  uint32_t number(const std::string& what) {
    const int first = peek();
    if (first < '0' || first > '9') fail("expected " + what + ", found " + shown(first));
    uint64_t v = 0;
    while (peek() >= '0' && peek() <= '9') {
      v = v * 10 + static_cast<uint64_t>(get() - '0');
      if (v > UINT32_MAX) fail(what + " does not fit 32 bits");
    }
    return static_cast<uint32_t>(v);
  }
  void space() {
    if (peek() != ' ') fail("expected a space, found " + shown(peek()));
    while (peek() == ' ') get();
  }
  void end_of_line() {
    while (peek() == ' ') get();
    if (peek() == '\r') get();
    if (peek() != '\n') fail("expected the end of the line, found " + shown(peek()));
    get();
  }

  // ----------------------------------------------------------------------------------------------
  // Sections

  // "aag|aig M I L O A [B C J F]"
  void header() {
    std::string magic;
    for (int i = 0; i < 3; ++i) {
      const int ch = get();
      if (ch < 0) fail("empty file, expected an 'aag' or 'aig' header");
      magic += static_cast<char>(ch);
    }
    if (magic != "aag" && magic != "aig")
      fail_at(1, 1, "not an AIGER file: the header must start with 'aag' or 'aig'");
    binary_ = magic == "aig";
    space();
    m_ = number("M");
    space();
    ni_ = number("I");
    space();
    const size_t l_column = column_;
    const uint32_t nl = number("L");
    space();
    no_ = number("O");
    space();
    na_ = number("A");
    const char* extra[] = {"B", "C", "J", "F"};
    for (const char* field : extra) {
      while (peek() == ' ') get();
      if (peek() < '0' || peek() > '9') break;
      if (number(field) != 0)
        fail(std::string("the ") + field +
             " section (bad states, invariant constraints, justice, fairness) "
             "makes a property, not a combinational circuit: not supported");
    }
    end_of_line();
    if (nl != 0)
      fail_at(1, l_column,
              "the file has " + std::to_string(nl) +
                  " latches: it is sequential, and only combinational AIGER is read");
    if (m_ >= (1u << 31))
      fail_at(1, 5, "M = " + std::to_string(m_) + " is too large (literals must fit 32 bits)");
    if (ni_ > kAigerMaxInputs)
      fail_at(1, 5, "more than " + std::to_string(kAigerMaxInputs) + " inputs");
    if (binary_ && uint64_t(ni_) + na_ != m_)
      fail_at(1, 5, "M = " + std::to_string(m_) + " is not I + L + A in a binary file");
    if (!binary_ && uint64_t(ni_) + na_ > m_)
      fail_at(1, 5, "M = " + std::to_string(m_) + " is less than I + L + A");
  }

  void check_literal(uint32_t lit, const std::string& what, size_t column) {
    if (lit > 2 * m_ + 1)
      fail_at(line_, column,
              what + " " + std::to_string(lit) + " exceeds 2M + 1 = " + std::to_string(2 * m_ + 1));
  }

  // A variable defined once, as an input or an AND gate, never the constant.
  void define(uint32_t lit, const std::string& what, size_t line, size_t column) {
    if (lit & 1) fail_at(line, column, what + " " + std::to_string(lit) + " is odd (complemented)");
    if (lit < 2) fail_at(line, column, what + " must not be the constant " + std::to_string(lit));
    const uint32_t var = lit >> 1;
    if (input_var_.count(var) || ands_.count(var))
      fail_at(line, column,
              "duplicate name: variable " + std::to_string(var) + " (literal " +
                  std::to_string(lit) + ") is defined twice");
  }

  void input_line(uint32_t i) {
    const size_t line = line_, column = column_;
    const uint32_t lit = number("input literal");
    check_literal(lit, "input literal", column);
    define(lit, "input literal", line, column);
    end_of_line();
    input_var_.emplace(lit >> 1, i);
  }

  void output_line(uint32_t i) {
    Output o{0, line_, column_};
    o.lit = number("output literal");
    check_literal(o.lit, "output literal", o.column);
    end_of_line();
    (void)i;
    outputs_.push_back(o);
  }

  void ascii_and_line(uint32_t k) {
    And a{0, 0, line_, column_};
    const uint32_t lhs = number("AND gate lhs literal");
    check_literal(lhs, "AND gate lhs literal", a.column);
    define(lhs, "AND gate lhs literal", a.line, a.column);
    space();
    size_t column = column_;
    a.rhs0 = number("AND gate rhs0 literal");
    check_literal(a.rhs0, "AND gate rhs0 literal", column);
    space();
    column = column_;
    a.rhs1 = number("AND gate rhs1 literal");
    check_literal(a.rhs1, "AND gate rhs1 literal", column);
    end_of_line();
    (void)k;
    ands_.emplace(lhs >> 1, a);
    and_order_.push_back(lhs >> 1);
  }

  // Errors point at the gate's first byte.
  uint32_t varint(uint32_t k, const And& a) {
    uint32_t x = 0;
    for (int shift = 0;; shift += 7) {
      const int ch = get();
      if (ch < 0)
        fail_at(a.line, a.column, "unexpected end of file in binary AND gate " + std::to_string(k));
      if (shift > 28 || (shift == 28 && (ch & 0x7f) > 0xf))
        fail_at(a.line, a.column,
                "binary AND gate " + std::to_string(k) + ": delta overflows 32 bits");
      x |= static_cast<uint32_t>(ch & 0x7f) << shift;
      if (!(ch & 0x80)) return x;
    }
  }

  void binary_ands() {
    for (uint32_t k = 0; k < na_; ++k) {
      And a{0, 0, line_, column_};
      const uint32_t lhs = 2 * (ni_ + k + 1);
      const uint32_t d0 = varint(k, a), d1 = varint(k, a);
      if (d0 == 0 || d0 > lhs)
        fail_at(a.line, a.column,
                "binary AND gate " + std::to_string(k) + ": first delta must be in 1..lhs");
      if (d1 > lhs - d0)
        fail_at(a.line, a.column,
                "binary AND gate " + std::to_string(k) + ": second delta exceeds rhs0");
      a.rhs0 = lhs - d0;
      a.rhs1 = lhs - d0 - d1;
      ands_.emplace(lhs >> 1, a);
      and_order_.push_back(lhs >> 1);
    }
  }

  // "i<pos> <name>" and "o<pos> <name>" lines up to a "c" line (comments run to the end).
  void symbols() {
    while (peek() >= 0) {
      const size_t line = line_;
      const int kind = get();
      if (kind == '\n') continue;
      if (kind == 'c') return;
      if (kind == 'l') fail_at(line, 1, "a latch symbol: the file is sequential");
      if (kind != 'i' && kind != 'o')
        fail_at(line, 1, "expected a symbol (i<pos> or o<pos>) or 'c', found " + shown(kind));
      const uint32_t pos = number("symbol position");
      auto& names = kind == 'i' ? input_names_ : output_names_;
      const uint32_t count = kind == 'i' ? ni_ : no_;
      if (pos >= count)
        fail_at(line, 2,
                std::string(kind == 'i' ? "input" : "output") + " symbol " + std::to_string(pos) +
                    " names no such pin");
      if (peek() != ' ') fail("expected a space before the symbol name, found " + shown(peek()));
      get();
      const size_t column = column_;
      std::string name;
      while (peek() >= 0 && peek() != '\n') name += static_cast<char>(get());
      if (!name.empty() && name.back() == '\r') name.pop_back();
      if (peek() == '\n') get();
      if (!names.emplace(pos, Symbol{name, line, column}).second)
        fail_at(line, 1,
                "duplicate name: " + std::string(1, static_cast<char>(kind)) + std::to_string(pos) +
                    " has two symbols");
    }
  }

  // ----------------------------------------------------------------------------------------------
  // Words and gates

  struct Symbol {
    std::string name;
    size_t line, column;
  };
  struct WordShape {
    std::string name;
    std::vector<uint32_t> pins;  // bit i is pin pins[i]
  };

  static bool is_name(const std::string& s) {
    if (s.empty()) return false;
    auto start = [](char ch) {
      return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' || ch == '$';
    };
    if (!start(s[0])) return false;
    for (char ch : s)
      if (!start(ch) && !(ch >= '0' && ch <= '9') && ch != '.') return false;
    return true;
  }

  // Pins grouped into words by their symbols "w[i]" / "w"; without symbols, the defaults.
  std::vector<WordShape> words(const std::map<uint32_t, Symbol>& names, uint32_t count,
                               const char* kind,
                               const std::vector<std::pair<std::string, int>>& defaults,
                               const char* fallback) {
    std::vector<WordShape> out;
    if (count == 0) return out;
    if (names.empty()) {
      std::vector<std::pair<std::string, int>> shape = defaults;
      if (shape.empty()) shape = {{fallback, static_cast<int>(count)}};
      uint64_t total = 0;
      for (const auto& [n, w] : shape) total += static_cast<uint64_t>(w);
      if (total != count)
        fail_at(1, 1,
                std::string("width mismatch: the file has no ") + kind + " symbols and " +
                    std::to_string(count) + " " + kind + "s, but the expected " + kind +
                    " words have " + std::to_string(total) + " bits");
      uint32_t pin = 0;
      for (const auto& [n, w] : shape) {
        WordShape ws{n, {}};
        for (int i = 0; i < w; ++i) ws.pins.push_back(pin++);
        out.push_back(std::move(ws));
      }
      return out;
    }
    std::map<std::string, size_t> index;             // word -> position in out
    std::vector<std::map<uint32_t, uint32_t>> bits;  // per word: bit -> pin
    std::vector<bool> bare;
    for (uint32_t pin = 0; pin < count; ++pin) {
      const auto it = names.find(pin);
      if (it == names.end())
        fail_at(line_, 1,
                std::string("missing ") + kind + " symbol: " + kind + " " + std::to_string(pin) +
                    " has no name while others do");
      const Symbol& s = it->second;
      std::string word = s.name;
      uint32_t bit = 0;
      bool indexed = false;
      if (const size_t open = s.name.find('['); open != std::string::npos && s.name.back() == ']') {
        const std::string digits = s.name.substr(open + 1, s.name.size() - open - 2);
        if (digits.empty() || digits.size() > 7 ||
            !std::all_of(digits.begin(), digits.end(),
                         [](char ch) { return ch >= '0' && ch <= '9'; }))
          fail_at(s.line, s.column,
                  "bad symbol '" + s.name.substr(0, 40) + "': expected NAME or NAME[index]");
        word = s.name.substr(0, open);
        bit = static_cast<uint32_t>(std::stoul(digits));
        indexed = true;
      }
      if (!is_name(word))
        fail_at(s.line, s.column,
                "bad symbol '" + s.name.substr(0, 40) + "': a word name is letters, digits, _ . $");
      if (bit >= static_cast<uint32_t>(1 << 20))
        fail_at(s.line, s.column, "bit index too large in '" + s.name + "'");
      auto [w, fresh] = index.emplace(word, out.size());
      if (fresh) {
        out.push_back({word, {}});
        bits.emplace_back();
        bare.push_back(!indexed);
      }
      if (bare[w->second] != !indexed || (!indexed && !fresh))
        fail_at(s.line, s.column,
                "duplicate name: '" + word + "' names a one-bit word and another bit");
      if (!bits[w->second].emplace(bit, pin).second)
        fail_at(s.line, s.column,
                "duplicate name: " + std::string(kind) + " bit '" + s.name + "' is named twice");
    }
    for (size_t i = 0; i < out.size(); ++i) {
      uint32_t expect = 0;
      for (const auto& [bit, pin] : bits[i]) {
        const Symbol& s = names.at(pin);
        if (bit != expect)
          fail_at(s.line, s.column,
                  "width mismatch: " + std::string(kind) + " word '" + out[i].name +
                      "' has no bit " + std::to_string(expect) + " but a bit " +
                      std::to_string(bit));
        out[i].pins.push_back(pin);
        ++expect;
      }
    }
    return out;
  }

  Signal literal(uint32_t lit) const { return signal_.at(lit >> 1) ^ ((lit & 1) != 0); }

  bool known(uint32_t var) const { return var == 0 || input_var_.count(var) || ands_.count(var); }

  Circuit build() {
    Circuit c("aiger");
    const auto in_words = words(input_names_, ni_, "input", options_.default_inputs, "in");
    const auto out_words = words(output_names_, no_, "output", options_.default_outputs, "out");
    std::vector<uint32_t> pin_var(ni_);
    for (const auto& [var, pin] : input_var_) pin_var[pin] = var;
    signal_.emplace(0, kFalse);
    for (const auto& w : in_words) {
      const Bits bits =
          c.add_input_word(w.name, static_cast<int>(w.pins.size()), Decoding::unsigned_int());
      for (size_t i = 0; i < bits.size(); ++i) signal_.emplace(pin_var[w.pins[i]], bits[i]);
    }
    // Depth-first over the AND gates (ASCII files may list them in any order).
    std::vector<uint32_t> stack;
    for (uint32_t root : and_order_) {
      if (signal_.count(root)) continue;
      stack.push_back(root);
      while (!stack.empty()) {
        const uint32_t v = stack.back();
        And& a = ands_.at(v);
        if (signal_.count(v)) {
          stack.pop_back();
          continue;
        }
        a.visiting = true;
        bool ready = true;
        for (uint32_t rhs : {a.rhs0, a.rhs1}) {
          const uint32_t child = rhs >> 1;
          if (signal_.count(child)) continue;
          if (!known(child))
            fail_at(a.line, a.column,
                    "unknown signal: literal " + std::to_string(rhs) + " (variable " +
                        std::to_string(child) + ") is neither an input nor an AND gate");
          if (ands_.at(child).visiting)
            fail_at(a.line, a.column,
                    "cycle: AND gate " + std::to_string(2 * v) +
                        " depends on itself through literal " + std::to_string(rhs));
          stack.push_back(child);
          ready = false;
        }
        if (!ready) continue;
        signal_.emplace(v, c.create_and(literal(a.rhs0), literal(a.rhs1)));
        a.visiting = false;
        stack.pop_back();
      }
    }
    for (const auto& w : out_words) {
      Bits bits;
      for (uint32_t pin : w.pins) {
        const Output& o = outputs_[pin];
        if (!known(o.lit >> 1))
          fail_at(o.line, o.column,
                  "unknown signal: output literal " + std::to_string(o.lit) +
                      " is neither an input nor an AND gate");
        bits.push_back(literal(o.lit));
      }
      c.add_output_word(w.name, std::move(bits), Decoding::unsigned_int());
    }
    if (c.output_words().empty()) fail_at(1, 1, "missing output: the file has no outputs");
    return c;
  }

  std::istream& in_;
  const std::string& source_;
  const AigerReadOptions& options_;
  size_t line_ = 1, column_ = 1;
  bool binary_ = false;
  uint32_t m_ = 0, ni_ = 0, no_ = 0, na_ = 0;
  std::unordered_map<uint32_t, uint32_t> input_var_;  // variable -> input position
  std::vector<Output> outputs_;
  std::unordered_map<uint32_t, And> ands_;  // lhs variable -> gate
  std::vector<uint32_t> and_order_;
  std::map<uint32_t, Symbol> input_names_, output_names_;
  std::unordered_map<uint32_t, Signal> signal_;  // variable -> built signal
};

}  // namespace

Circuit read_aiger(std::istream& in, const std::string& source, const AigerReadOptions& options) {
  return AigerReader(in, source, options).read();
}

}  // namespace tc
