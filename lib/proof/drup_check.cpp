// Forward DRUP checker (see drup_check.hpp).  The proof is streamed item by
// item.  All clauses live in one arena with two watched literals each
// (Moskewicz et al., "Chaff", DAC 2001) and a blocking literal per watch
// (as in MiniSat).  Unit clauses are propagated at the root once and for
// all; a RUP check assigns the negated lemma on top of the root trail,
// propagates, and backtracks to the root.
//
// Deletions.  Every clause the checker holds is the formula's own or a lemma
// already shown RUP, hence implied by the formula; so a lemma that is RUP
// with respect to any subset of them is implied too, and deriving the empty
// clause proves the formula unsatisfiable.  Both applying deletions (a
// subset) and ignoring them (everything) are therefore sound.  Ignoring them
// accepts more proofs but slows propagation badly on long proofs, so the
// first pass applies them (found by an order-independent clause hash, with
// watches dropped lazily) and a rejected proof is re-read with them
// ignored.  Root assignments are never undone, even when the clause that
// implied them is deleted (as drat-trim ignores unit deletions); they stay
// implied by the formula, so this is sound too, and it lets clauses
// satisfied at the root go unstored.
#include "lib/proof/drup_check.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tc {

namespace {

// Variables in a proof beyond the formula's are legal in RUP lemmas but
// rare; the cap keeps a garbage literal from allocating gigabytes.
constexpr int64_t kDrupMaxExtraVars = int64_t(1) << 20;
constexpr int64_t kDrupMaxVar = (int64_t(1) << 30) - 1;

// ---------------------------------------------------------------------------
// Proof reading.

// Buffered byte reader that tracks its offset; works on pipes as well.
class DrupReader {
 public:
  explicit DrupReader(std::istream& in) : in_(in), buf_(size_t(1) << 16) { fill(); }

  int peek() { return pos_ < len_ || fill() ? (unsigned char)buf_[pos_] : -1; }
  int get() {
    const int c = peek();
    if (c >= 0) ++pos_;
    return c;
  }
  uint64_t offset() const { return consumed_ + pos_; }

  // Binary if the first byte is 'a' or the first 4096 bytes contain a
  // byte 0 or >= 0x80 (see drup_check.hpp).
  bool looks_binary() const {
    if (len_ > 0 && buf_[0] == 'a') return true;
    for (size_t i = 0; i < len_ && i < 4096; ++i) {
      const unsigned char c = (unsigned char)buf_[i];
      if (c == 0 || c >= 0x80) return true;
    }
    return false;
  }

 private:
  bool fill() {
    consumed_ += pos_;
    pos_ = len_ = 0;
    if (!in_.good()) return false;
    in_.read(buf_.data(), std::streamsize(buf_.size()));
    len_ = size_t(in_.gcount());
    return len_ > 0;
  }

  std::istream& in_;
  std::vector<char> buf_;
  size_t pos_ = 0, len_ = 0;  // buffer cursor and fill
  uint64_t consumed_ = 0;     // bytes before the buffer
};

enum class DrupItem { Add, Delete, End, Error };

// Parses one proof item into lits.  On Error, error holds the reason.
class DrupParser {
 public:
  DrupParser(DrupReader& reader, bool binary) : r_(reader), binary_(binary) {}

  DrupItem next(std::vector<int>& lits, std::string& error) {
    lits.clear();
    return binary_ ? next_binary(lits, error) : next_text(lits, error);
  }
  uint64_t item_offset() const { return item_offset_; }
  bool binary() const { return binary_; }

 private:
  DrupItem fail(std::string& error, const std::string& what) {
    error = std::string("malformed ") + (binary_ ? "binary" : "text") + " proof at byte " +
            std::to_string(r_.offset()) + ": " + what;
    return DrupItem::Error;
  }

  // 'a' or 'd', then literals 2*v + sign as little-endian base-128 varints,
  // then a 0 byte.
  DrupItem next_binary(std::vector<int>& lits, std::string& error) {
    item_offset_ = r_.offset();
    const int kind = r_.get();
    if (kind < 0) return DrupItem::End;
    if (kind != 'a' && kind != 'd') {
      const char* hex = "0123456789abcdef";
      return fail(error, std::string("unknown item byte 0x") + hex[kind >> 4] + hex[kind & 15]);
    }
    for (;;) {
      uint64_t code = 0;
      for (unsigned shift = 0;; shift += 7) {
        const int c = r_.get();
        if (c < 0) return fail(error, "truncated item (end of file before its 0 byte)");
        if (shift > 31) return fail(error, "literal too large");
        code |= uint64_t(c & 0x7f) << shift;
        if (!(c & 0x80)) break;
      }
      if (code == 0) break;
      if (code == 1) return fail(error, "invalid literal code 1");
      const uint64_t var = code >> 1;
      if (var > uint64_t(kDrupMaxVar))
        return fail(error, "variable " + std::to_string(var) + " too large");
      lits.push_back(code & 1 ? -int(var) : int(var));
    }
    return kind == 'a' ? DrupItem::Add : DrupItem::Delete;
  }

  static bool is_space(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

  // Optional 'd', then decimal literals up to 0; "c" lines are comments.
  DrupItem next_text(std::vector<int>& lits, std::string& error) {
    int c;
    for (;;) {
      while (is_space(c = r_.peek())) r_.get();
      if (c != 'c') break;
      while ((c = r_.get()) >= 0 && c != '\n') {
      }
    }
    item_offset_ = r_.offset();
    if (c < 0) return DrupItem::End;
    DrupItem kind = DrupItem::Add;
    if (c == 'd') {
      r_.get();
      kind = DrupItem::Delete;
    }
    for (;;) {
      while (is_space(c = r_.peek())) r_.get();
      if (c < 0) return fail(error, "truncated clause (end of file before its 0)");
      bool negative = false;
      if (c == '-') {
        negative = true;
        r_.get();
        c = r_.peek();
      }
      if (c < '0' || c > '9') {
        if (c < 0) return fail(error, "truncated literal");
        if (c >= 32 && c < 127)
          return fail(error, std::string("unexpected character '") + char(c) + "'");
        return fail(error, "unexpected byte " + std::to_string(c));
      }
      int64_t value = 0;
      while ((c = r_.peek()) >= '0' && c <= '9') {
        r_.get();
        value = value * 10 + (c - '0');
        if (value > kDrupMaxVar) return fail(error, "literal too large");
      }
      if (c >= 0 && !is_space(c)) return fail(error, "literal followed by unexpected character");
      if (value == 0) {
        if (negative) return fail(error, "literal -0");
        break;
      }
      lits.push_back(negative ? -int(value) : int(value));
    }
    return kind;
  }

  DrupReader& r_;
  bool binary_;
  uint64_t item_offset_ = 0;  // where the last item started
};

// ---------------------------------------------------------------------------
// Checking.

struct DrupWatch {
  uint32_t cref;  // clause position in the arena
  int blocker;    // some other literal of the clause: if true, skip it
};

// Arena layout per clause: size, deleted flag, literals.  The first two
// literals are watched; literals false at the root follow the others.
constexpr uint32_t kDrupHeader = 2;

class DrupChecker {
 public:
  DrupChecker(int num_vars, bool apply_deletions) : apply_deletions_(apply_deletions) {
    grow(num_vars);
  }

  bool inconsistent() const { return inconsistent_; }

  // Makes room for variables up to var.
  void grow(int var) {
    if (var <= max_var_) return;
    max_var_ = var;
    const size_t n = 2 * size_t(var) + 2;
    values_.resize(n, 0);
    marks_.resize(n, 0);
    watches_.resize(n);
  }

  // Removes duplicate literals; false for tautologies.
  bool normalize(std::vector<int>& lits) {
    bool tautology = false;
    size_t j = 0;
    for (int l : lits) {
      if (marks_[index(-l)]) tautology = true;
      if (marks_[index(l)]) continue;
      marks_[index(l)] = 1;
      lits[j++] = l;
    }
    lits.resize(j);
    for (int l : lits) marks_[index(l)] = 0;
    return !tautology;
  }

  // Adds an implied, normalized, non-tautological clause at the root.
  // False if the arena is full.
  bool add(std::vector<int>& lits) {
    if (inconsistent_) return true;
    size_t free = 0;
    for (size_t i = 0; i < lits.size(); ++i) {
      if (value(lits[i]) > 0) return true;  // satisfied at the root forever
      if (value(lits[i]) == 0) std::swap(lits[i], lits[free++]);
    }
    if (free == 0) {
      inconsistent_ = true;
      return true;
    }
    if (free == 1) {  // not stored: its deletion cannot undo a root unit
      assign(lits[0]);
      if (!propagate()) inconsistent_ = true;
      return true;
    }
    if (arena_.size() + lits.size() + kDrupHeader > std::numeric_limits<uint32_t>::max())
      return false;
    const uint32_t cref = uint32_t(arena_.size());
    arena_.push_back(int(lits.size()));
    arena_.push_back(0);
    arena_.insert(arena_.end(), lits.begin(), lits.end());
    watches_[index(lits[0])].push_back({cref, lits[1]});
    watches_[index(lits[1])].push_back({cref, lits[0]});
    if (apply_deletions_) by_hash_[hash(lits)].push_back(cref);
    return true;
  }

  // Deletes one stored copy of the normalized clause, if any (clauses never
  // stored, such as units and root-satisfied ones, are not found).  Its
  // watches go lazily, in propagate.
  void remove(const std::vector<int>& lits) {
    if (!apply_deletions_ || lits.size() < 2) return;
    auto it = by_hash_.find(hash(lits));
    if (it == by_hash_.end()) return;
    for (int l : lits) marks_[index(l)] = 1;
    std::vector<uint32_t>& crefs = it->second;
    for (size_t k = 0; k < crefs.size(); ++k) {
      const int* c = &arena_[crefs[k]];
      bool same = size_t(c[0]) == lits.size();
      for (int i = 0; same && i < c[0]; ++i) same = marks_[index(c[kDrupHeader + i])];
      if (!same) continue;
      arena_[crefs[k] + 1] = 1;
      crefs[k] = crefs.back();
      crefs.pop_back();
      break;
    }
    for (int l : lits) marks_[index(l)] = 0;
    if (crefs.empty()) by_hash_.erase(it);
  }

  // Whether asserting the negation of the normalized clause and propagating
  // conflicts.  Leaves the root trail unchanged.
  bool rup(const std::vector<int>& lits) {
    if (inconsistent_) return true;
    const size_t root = trail_.size();
    bool conflict = false;
    for (int l : lits) {
      if (value(l) > 0) {
        conflict = true;  // satisfied at the root
        break;
      }
      if (value(l) == 0) assign(-l);
    }
    if (!conflict) conflict = !propagate();
    while (trail_.size() > root) {
      const int l = trail_.back();
      trail_.pop_back();
      values_[index(l)] = values_[index(-l)] = 0;
    }
    head_ = root;
    return conflict;
  }

 private:
  static size_t index(int lit) { return 2 * size_t(std::abs(lit)) + (lit < 0); }
  int8_t value(int lit) const { return values_[index(lit)]; }

  // Order-independent clause hash for deletion lookup.
  static uint64_t hash(const std::vector<int>& lits) {
    uint64_t h = 0;
    for (int l : lits) {
      uint64_t z = index(l) * 0x9e3779b97f4a7c15ull;  // splitmix64 finalizer
      z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
      z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
      h += z ^ (z >> 31);
    }
    return h;
  }

  void assign(int lit) {
    values_[index(lit)] = 1;
    values_[index(-lit)] = -1;
    trail_.push_back(lit);
  }

  // Two-watched-literal propagation; false on conflict.
  bool propagate() {
    while (head_ < trail_.size()) {
      const int falsified = -trail_[head_++];
      std::vector<DrupWatch>& ws = watches_[index(falsified)];
      size_t i = 0, j = 0;
      for (; i < ws.size(); ++i) {
        const DrupWatch w = ws[i];
        if (value(w.blocker) > 0) {
          ws[j++] = w;
          continue;
        }
        if (arena_[w.cref + 1]) continue;  // deleted: drop the watch
        int* c = &arena_[w.cref + kDrupHeader];
        const int size = arena_[w.cref];
        if (c[0] == falsified) std::swap(c[0], c[1]);  // c[1] is the false watch
        const int other = c[0];
        if (other != w.blocker && value(other) > 0) {
          ws[j++] = {w.cref, other};
          continue;
        }
        int k = 2;
        while (k < size && value(c[k]) < 0) ++k;
        if (k < size) {  // move the watch: c[k] is not false
          c[1] = c[k];
          c[k] = falsified;
          watches_[index(c[1])].push_back({w.cref, other});
          continue;
        }
        ws[j++] = w;
        if (value(other) < 0) {  // conflict: keep the remaining watches
          for (++i; i < ws.size(); ++i) ws[j++] = ws[i];
          ws.resize(j);
          return false;
        }
        if (value(other) == 0) assign(other);
      }
      ws.resize(j);
    }
    return true;
  }

  const bool apply_deletions_;                                   // else deletions are skipped
  std::vector<int> arena_;                                       // clauses, see kDrupHeader
  std::vector<std::vector<DrupWatch>> watches_;                  // per literal index
  std::unordered_map<uint64_t, std::vector<uint32_t>> by_hash_;  // for deletion
  std::vector<int8_t> values_;                                   // per literal index: 1, -1, 0
  std::vector<uint8_t> marks_;                                   // scratch for normalize/remove
  std::vector<int> trail_;                                       // root trail, then check trail
  size_t head_ = 0;                                              // next trail literal to propagate
  int max_var_ = -1;
  bool inconsistent_ = false;  // root propagation conflicted
};

std::string drup_clause_text(const std::vector<int>& lits) {
  std::string s;
  size_t shown = 0;
  for (int l : lits) {
    if (++shown > 16) {
      s += "... (" + std::to_string(lits.size()) + " literals) ";
      break;
    }
    s += std::to_string(l) + ' ';
  }
  return s + '0';
}

enum class DrupOutcome { Verified, Rejected, Malformed };

// One forward pass over the proof, applying or skipping its deletions.
DrupOutcome drup_pass(const Cnf& formula, std::istream& proof, bool apply_deletions,
                      DrupResult& result) {
  result.lemmas = result.deletions = 0;
  int formula_vars = std::max(formula.num_vars, 0);
  for (const Clause& c : formula.clauses)
    for (Lit l : c) {
      if (l == 0 || std::abs(int64_t(l)) > kDrupMaxVar) {
        result.message = "formula contains invalid literal " + std::to_string(l);
        return DrupOutcome::Malformed;
      }
      formula_vars = std::max(formula_vars, std::abs(l));
    }
  DrupChecker checker(formula_vars, apply_deletions);
  std::vector<int> lits;
  for (const Clause& c : formula.clauses) {
    lits.assign(c.begin(), c.end());
    if (checker.normalize(lits) && !checker.add(lits)) {
      result.message = "formula too large for the checker's arena";
      return DrupOutcome::Malformed;
    }
  }
  const bool refuted_by_formula = checker.inconsistent();

  DrupReader reader(proof);
  DrupParser parser(reader, reader.looks_binary());
  const int64_t var_limit = std::min<int64_t>(kDrupMaxVar, formula_vars + kDrupMaxExtraVars);
  size_t empty_at = 0;  // lemma number of the first empty clause, 0 if none
  for (;;) {
    const DrupItem item = parser.next(lits, result.message);
    if (item == DrupItem::End) break;
    if (item == DrupItem::Error) return DrupOutcome::Malformed;
    const bool deletion = item == DrupItem::Delete;
    const size_t number = deletion ? ++result.deletions : ++result.lemmas;
    for (int l : lits) {
      if (std::abs(l) > var_limit) {
        result.message = std::string(deletion ? "deletion " : "lemma ") + std::to_string(number) +
                         " at byte " + std::to_string(parser.item_offset()) + " uses variable " +
                         std::to_string(std::abs(l)) + ", beyond the limit " +
                         std::to_string(var_limit);
        return DrupOutcome::Malformed;
      }
      checker.grow(std::abs(l));
    }
    if (!checker.normalize(lits)) continue;  // tautology: implied, never stored
    if (deletion) {
      checker.remove(lits);
      continue;
    }
    if (!checker.rup(lits)) {
      result.message = "lemma " + std::to_string(number) + " (byte " +
                       std::to_string(parser.item_offset()) + " of the " +
                       (parser.binary() ? "binary" : "text") +
                       " proof) is not RUP: " + drup_clause_text(lits);
      return DrupOutcome::Rejected;
    }
    if (lits.empty() && !empty_at) empty_at = number;
    if (!checker.add(lits)) {
      result.message = "proof too large for the checker's arena";
      return DrupOutcome::Malformed;
    }
  }

  const std::string counts = std::to_string(result.lemmas) + " lemmas, " +
                             std::to_string(result.deletions) + " deletions " +
                             (apply_deletions ? "applied" : "ignored");
  if (refuted_by_formula)
    result.message = "verified: the formula alone propagates to a conflict (" + counts + ")";
  else if (empty_at)
    result.message =
        "verified: empty clause derived at lemma " + std::to_string(empty_at) + " (" + counts + ")";
  else if (checker.inconsistent())
    result.message = "verified: formula and lemmas propagate to a conflict (" + counts + ")";
  else {
    result.message =
        "proof does not refute the formula: no empty clause and no conflict by "
        "unit propagation after " +
        counts;
    return DrupOutcome::Rejected;
  }
  return DrupOutcome::Verified;
}

}  // namespace

// Deletions are applied first: a smaller clause database makes propagation
// much faster (php 9->8: 40k lemmas, 36k deletions).  Only if that pass
// rejects is the proof re-read with deletions ignored, which accepts a
// superset of proofs (see the top of this file), so the verdict is that of
// the deletion-ignoring checker in all cases.
DrupResult drup_check_stream(const Cnf& formula, std::istream& proof) {
  const auto start = std::chrono::steady_clock::now();
  DrupResult result;
  const std::streampos origin = proof.tellg();
  DrupOutcome outcome = drup_pass(formula, proof, true, result);
  if (outcome == DrupOutcome::Rejected) {
    const std::string first = result.message;
    proof.clear();
    if (origin == std::streampos(-1) || !proof.seekg(origin)) {
      result.message = first +
                       " (deletions applied; the stream cannot be re-read to retry "
                       "with deletions ignored)";
    } else {
      outcome = drup_pass(formula, proof, false, result);
      if (outcome == DrupOutcome::Verified)
        result.message += " (with deletions applied instead: " + first + ")";
    }
  }
  result.verified = outcome == DrupOutcome::Verified;
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

DrupResult drup_check(const Cnf& formula, const std::string& proof_path) {
  std::ifstream in(proof_path, std::ios::binary);
  if (!in) {
    DrupResult result;
    result.message = "cannot open proof file '" + proof_path + "'";
    return result;
  }
  return drup_check_stream(formula, in);
}

}  // namespace tc
