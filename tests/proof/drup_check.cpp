// Tests for the forward DRUP checker (lib/proof/drup_check.cpp).  Real
// proofs come from CaDiCaL (trace_proof, binary and text) on small UNSAT
// families: pigeonhole, an xor-chain contradiction, random 3-SAT at ratio 6.
// Every corruption is one whose rejection is certain: either the formula it
// is checked against is satisfiable (shown by a CaDiCaL model checked here),
// or the file is malformed, or an independent naive RUP checker built on
// cnf_unit_propagate shows a lemma to be non-RUP; the checker must then agree.
#include "lib/proof/drup_check.hpp"

#include <unistd.h>

#include <cadical.hpp>
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "lib/cnf/threshold.hpp"
#include "tests/support/unit_propagation.hpp"

using namespace tc;

namespace {

// ---------------------------------------------------------------------------
// Formulas.

// p pigeons into h holes; pigeon i in hole j is variable i*h + j + 1.
Cnf pigeonhole(int p, int h) {
  Cnf cnf;
  cnf.num_vars = p * h;
  for (int i = 0; i < p; ++i) {
    Clause c;
    for (int j = 0; j < h; ++j) c.push_back(i * h + j + 1);
    cnf.add_clause(c);
  }
  for (int j = 0; j < h; ++j)
    for (int i = 0; i < p; ++i)
      for (int k = i + 1; k < p; ++k) cnf.add_clause({-(i * h + j + 1), -(k * h + j + 1)});
  return cnf;
}

// The parity of x1..xn computed by two xor chains in opposite orders, one
// asserted true and the other false.
Cnf xor_chain_contradiction(int n) {
  Cnf cnf;
  cnf.num_vars = n;
  Lit forward = 1, backward = n;
  for (int i = 2; i <= n; ++i) {
    const Lit f = cnf.new_var(), b = cnf.new_var();
    cnf_encode_xor(cnf, f, forward, i);
    cnf_encode_xor(cnf, b, backward, n + 1 - i);
    forward = f;
    backward = b;
  }
  cnf.add_clause({forward});
  cnf.add_clause({-backward});
  return cnf;
}

Cnf random_3sat(int vars, int clauses, uint64_t seed) {
  std::mt19937_64 rng(seed);
  Cnf cnf;
  cnf.num_vars = vars;
  for (int k = 0; k < clauses; ++k) {
    Clause c;
    while (c.size() < 3) {
      const int v = int(rng() % uint64_t(vars)) + 1;
      bool fresh = true;
      for (Lit l : c) fresh = fresh && std::abs(l) != v;
      if (fresh) c.push_back(rng() & 1 ? v : -v);
    }
    cnf.add_clause(c);
  }
  return cnf;
}

// ---------------------------------------------------------------------------
// Proof files.

std::string temp_path(const std::string& tag) {
  static int counter = 0;
  return (std::filesystem::temp_directory_path() /
          ("tc_drup_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" + tag))
      .string();
}

struct TempFile {
  std::string path;
  explicit TempFile(const std::string& tag) : path(temp_path(tag)) {}
  ~TempFile() { std::remove(path.c_str()); }
};

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void spit(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

// Solves cnf with CaDiCaL writing a DRAT proof; returns its bytes.
std::string cadical_proof(const Cnf& cnf, bool binary, int* status = nullptr) {
  TempFile file(binary ? "proof.bin" : "proof.txt");
  int result;
  {
    CaDiCaL::Solver solver;
    REQUIRE(solver.set("quiet", 1));
    REQUIRE(solver.set("binary", binary ? 1 : 0));
    REQUIRE(solver.trace_proof(file.path.c_str()));
    for (const Clause& c : cnf.clauses) {
      for (Lit l : c) solver.add(l);
      solver.add(0);
    }
    result = solver.solve();
    solver.close_proof_trace();
  }
  if (status) *status = result;
  return slurp(file.path);
}

// CaDiCaL's verdict; with a model, checks it satisfies every clause.
int solve_checked(const Cnf& cnf) {
  CaDiCaL::Solver solver;
  for (const Clause& c : cnf.clauses) {
    for (Lit l : c) solver.add(l);
    solver.add(0);
  }
  const int result = solver.solve();
  if (result == 10)
    for (const Clause& c : cnf.clauses) {
      bool satisfied = false;
      for (Lit l : c) satisfied = satisfied || solver.val(l) > 0;
      REQUIRE(satisfied);
    }
  return result;
}

struct ProofItem {
  bool deletion;
  Clause lits;
};

// Independent text DRAT parser for the tests (no comments in CaDiCaL's).
std::vector<ProofItem> parse_text(const std::string& text) {
  std::vector<ProofItem> items;
  std::istringstream in(text);
  std::string token;
  ProofItem item{false, {}};
  while (in >> token) {
    if (token == "d") {
      item.deletion = true;
      continue;
    }
    const int lit = std::stoi(token);
    if (lit) {
      item.lits.push_back(lit);
    } else {
      items.push_back(item);
      item = {false, {}};
    }
  }
  REQUIRE(item.lits.empty());
  return items;
}

std::string write_text(const std::vector<ProofItem>& items) {
  std::string s;
  for (const ProofItem& item : items) {
    if (item.deletion) s += "d ";
    for (Lit l : item.lits) s += std::to_string(l) + " ";
    s += "0\n";
  }
  return s;
}

std::string write_binary(const std::vector<ProofItem>& items) {
  std::string s;
  for (const ProofItem& item : items) {
    s += item.deletion ? 'd' : 'a';
    for (Lit l : item.lits) {
      uint64_t code = 2 * uint64_t(std::abs(l)) + (l < 0);
      while (code >= 128) {
        s += char((code & 127) | 128);
        code >>= 7;
      }
      s += char(code);
    }
    s += '\0';
  }
  return s;
}

DrupResult check_bytes(const Cnf& cnf, const std::string& bytes) {
  std::istringstream in(bytes);
  return drup_check_stream(cnf, in);
}

// The naive reference: lemma k must make cnf_unit_propagate conflict on the
// formula plus lemmas 1..k-1 under its negation.  Deletions are ignored, as
// in the checker.  Returns the first failing lemma (1-based), 0 if the proof
// refutes, or -1 if every lemma passes but nothing is refuted.
long reference_verdict(const Cnf& formula, const std::vector<ProofItem>& items) {
  Cnf db = formula;
  long lemma = 0;
  for (const ProofItem& item : items) {
    if (item.deletion) continue;
    ++lemma;
    std::vector<Lit> negation;
    for (Lit l : item.lits) negation.push_back(-l);
    if (cnf_unit_propagate(db, negation)) return lemma;
    if (item.lits.empty()) return 0;
    db.add_clause(item.lits);
  }
  return cnf_unit_propagate(db, {}) ? -1 : 0;
}

std::vector<ProofItem> without_lemma(const std::vector<ProofItem>& items, size_t k) {
  std::vector<ProofItem> out = items;
  out.erase(out.begin() + std::ptrdiff_t(k));
  return out;
}

struct Family {
  const char* name;
  Cnf cnf;
};

std::vector<Family> unsat_families() {
  return {{"pigeonhole 4->3", pigeonhole(4, 3)},
          {"pigeonhole 5->4", pigeonhole(5, 4)},
          {"xor chain of 6", xor_chain_contradiction(6)},
          {"random 3-SAT, 40 vars, ratio 6", random_3sat(40, 240, 7)}};
}

}  // namespace

// ---------------------------------------------------------------------------

TEST_CASE("CaDiCaL proofs of small UNSAT formulas are verified in binary and text",
          "[proof][drup]") {
  for (const Family& f : unsat_families()) {
    REQUIRE(cnf_unit_propagate(f.cnf, {}));  // not refuted without a proof
    for (bool binary : {true, false}) {
      INFO(f.name << (binary ? ", binary" : ", text"));
      TempFile file("proof");
      int status = 0;
      const std::string bytes = cadical_proof(f.cnf, binary, &status);
      REQUIRE(status == 20);
      REQUIRE(!bytes.empty());
      CHECK((bytes[0] == 'a' || bytes[0] == 'd') == binary);
      spit(file.path, bytes);
      const DrupResult r = drup_check(f.cnf, file.path);
      INFO(r.message);
      CHECK(r.verified);
      CHECK(r.lemmas > 0);
      CHECK(r.message.rfind("verified", 0) == 0);
      if (!binary) {
        const auto items = parse_text(bytes);
        CHECK(reference_verdict(f.cnf, items) == 0);
        // Re-encoded in binary by the tests' own writer: same verdict.
        const DrupResult again = check_bytes(f.cnf, write_binary(items));
        CHECK(again.verified);
        CHECK(again.lemmas == r.lemmas);
        CHECK(again.deletions == r.deletions);
      }
    }
  }
}

TEST_CASE("a proof of only the empty clause is rejected when propagation cannot refute",
          "[proof][drup]") {
  const Cnf php = pigeonhole(4, 3);
  REQUIRE(cnf_unit_propagate(php, {}));
  for (const std::string& bytes : {std::string("0\n"), std::string("a\0", 2)}) {
    const DrupResult r = check_bytes(php, bytes);
    CHECK_FALSE(r.verified);
    CHECK_THAT(r.message, Catch::Contains("lemma 1 ") && Catch::Contains("not RUP"));
  }
  // The real proof with every non-empty lemma dropped (deletions kept).
  auto items = parse_text(cadical_proof(php, false));
  std::vector<ProofItem> gutted;
  for (const ProofItem& item : items)
    if (item.deletion || item.lits.empty()) gutted.push_back(item);
  REQUIRE(reference_verdict(php, gutted) == 1);
  CHECK_FALSE(check_bytes(php, write_text(gutted)).verified);
  CHECK_FALSE(check_bytes(php, write_binary(gutted)).verified);
}

TEST_CASE("dropping a needed lemma is rejected and single drops agree with a naive checker",
          "[proof][drup]") {
  for (const Family& f : unsat_families()) {
    INFO(f.name);
    const auto items = parse_text(cadical_proof(f.cnf, false));
    // The last non-empty lemma whose removal breaks the proof.
    long found = -1;
    for (size_t k = items.size(); k-- > 0 && found < 0;)
      if (!items[k].deletion && !items[k].lits.empty() &&
          reference_verdict(f.cnf, without_lemma(items, k)) != 0)
        found = long(k);
    REQUIRE(found >= 0);
    const auto broken = without_lemma(items, size_t(found));
    CHECK_FALSE(check_bytes(f.cnf, write_text(broken)).verified);
    CHECK_FALSE(check_bytes(f.cnf, write_binary(broken)).verified);
  }
  // Exhaustively on the two smallest proofs: same verdict and same failing
  // lemma as the reference for every single dropped lemma.
  size_t broken_drops = 0;
  for (const Cnf& cnf : {pigeonhole(4, 3), xor_chain_contradiction(6)}) {
    const auto items = parse_text(cadical_proof(cnf, false));
    for (size_t k = 0; k < items.size(); ++k) {
      if (items[k].deletion) continue;
      const auto dropped = without_lemma(items, k);
      const long expected = reference_verdict(cnf, dropped);
      const DrupResult r = check_bytes(cnf, write_binary(dropped));
      INFO("dropped item " << k << ": " << r.message);
      REQUIRE(r.verified == (expected == 0));
      if (expected > 0) {
        ++broken_drops;
        CHECK_THAT(r.message, Catch::StartsWith("lemma " + std::to_string(expected) + " "));
      }
    }
  }
  CHECK(broken_drops > 0);
}

TEST_CASE("a flipped literal that makes a lemma non-RUP is rejected at that lemma",
          "[proof][drup]") {
  for (const Family& f : unsat_families()) {
    INFO(f.name);
    const auto items = parse_text(cadical_proof(f.cnf, false));
    // First lemma and literal whose flip the reference rejects right there.
    bool done = false;
    long lemma = 0;
    for (size_t k = 0; k < items.size() && !done; ++k) {
      if (items[k].deletion) continue;
      ++lemma;
      for (size_t i = 0; i < items[k].lits.size() && !done; ++i) {
        auto flipped = items;
        flipped[k].lits[i] = -flipped[k].lits[i];
        if (reference_verdict(f.cnf, flipped) != lemma) continue;
        done = true;
        for (const std::string& bytes : {write_text(flipped), write_binary(flipped)}) {
          const DrupResult r = check_bytes(f.cnf, bytes);
          CHECK_FALSE(r.verified);
          CHECK_THAT(r.message, Catch::StartsWith("lemma " + std::to_string(lemma) + " "));
        }
      }
    }
    CHECK(done);
  }
}

TEST_CASE("truncated proof files are rejected as malformed", "[proof][drup]") {
  const Cnf php = pigeonhole(5, 4);
  const std::string binary = cadical_proof(php, true);
  const std::string text = cadical_proof(php, false);
  REQUIRE(binary.size() > 8);
  REQUIRE(text.size() > 8);
  // Binary: a cut not right after a 0 byte lands inside an item.
  size_t cut = binary.size() / 2;
  while (binary[cut - 1] == '\0') ++cut;
  for (const std::string& bytes : {binary.substr(0, cut), binary.substr(0, binary.size() - 1)}) {
    const DrupResult r = check_bytes(php, bytes);
    CHECK_FALSE(r.verified);
    CHECK_THAT(r.message,
               Catch::Contains("malformed binary proof") && Catch::Contains("truncated"));
  }
  // Text: a cut after a nonzero digit leaves a clause without its 0.
  cut = text.size() / 2;
  while (text[cut - 1] < '1' || text[cut - 1] > '9') ++cut;
  const DrupResult r = check_bytes(php, text.substr(0, cut));
  CHECK_FALSE(r.verified);
  CHECK_THAT(r.message, Catch::Contains("malformed text proof") && Catch::Contains("truncated"));
}

TEST_CASE("the proof of an UNSAT formula is rejected for a satisfiable weakening",
          "[proof][drup]") {
  for (const Family& f : unsat_families()) {
    INFO(f.name);
    // Drop clauses from the front until CaDiCaL finds a (checked) model.
    Cnf weaker = f.cnf;
    while (solve_checked(weaker) != 10) weaker.clauses.erase(weaker.clauses.begin());
    for (bool binary : {true, false}) {
      const DrupResult r = check_bytes(weaker, cadical_proof(f.cnf, binary));
      INFO(r.message);
      CHECK_FALSE(r.verified);
    }
  }
}

TEST_CASE("garbage proofs are rejected without crashing", "[proof][drup]") {
  const Cnf php = pigeonhole(4, 3);
  using Catch::Contains;
  CHECK_THAT(check_bytes(php, std::string("\xff\x01\x02\x00", 4)).message,
             Contains("unknown item byte 0xff"));
  CHECK_THAT(check_bytes(php, "1 2 x 0\n").message, Contains("unexpected character 'x'"));
  CHECK_THAT(check_bytes(php, "1 2-3 0\n").message, Contains("unexpected character"));
  CHECK_THAT(check_bytes(php, "1 99999999999 0\n").message, Contains("too large"));
  CHECK_THAT(check_bytes(php, std::string("a\xff\xff\xff\xff\xff\xff\x01\x00", 9)).message,
             Contains("too large"));
  CHECK_THAT(check_bytes(php, std::string("a\x01\x00", 3)).message, Contains("literal code 1"));
  CHECK_THAT(check_bytes(php, "-0\n").message, Contains("literal -0"));

  // Fuzz: mutations of a real proof checked against a satisfiable formula
  // (so no verdict may be "verified") and against the UNSAT one (no crash).
  Cnf sat = php;
  sat.clauses.erase(sat.clauses.begin());
  REQUIRE(solve_checked(sat) == 10);
  std::mt19937_64 rng(11);
  for (bool binary : {true, false}) {
    const std::string proof = cadical_proof(php, binary);
    for (int round = 0; round < 300; ++round) {
      std::string bytes = proof;
      const int edits = 1 + int(rng() % 4);
      for (int e = 0; e < edits && !bytes.empty(); ++e) {
        const size_t at = size_t(rng() % bytes.size());
        switch (rng() % 4) {
          case 0:
            bytes[at] = char(rng());
            break;
          case 1:
            bytes.erase(at, 1 + rng() % 8);
            break;
          case 2:
            bytes.insert(at, 1, char(rng()));
            break;
          default:
            bytes.resize(at);
            break;
        }
      }
      if (round % 10 == 0) {  // pure noise
        bytes.resize(rng() % 200);
        for (char& c : bytes) c = char(rng());
      }
      INFO("round " << round);
      CHECK_FALSE(check_bytes(sat, bytes).verified);
      const DrupResult r = check_bytes(php, bytes);
      CHECK(!r.message.empty());
    }
  }
}

TEST_CASE("a lemma that is not RUP is named in the message", "[proof][drup]") {
  // UNSAT: 1 or 2 follows by resolution on 3, then 1, then 4 and -4.
  Cnf cnf;
  cnf.add_clause({1, 2, 3});
  cnf.add_clause({1, 2, -3});
  cnf.add_clause({1, -2, 3});
  cnf.add_clause({1, -2, -3});
  cnf.add_clause({-1, 4});
  cnf.add_clause({-1, -4});
  const std::vector<ProofItem> good = {
      {false, {1, 2}}, {true, {1, 2, 3}}, {false, {1}}, {false, {}}};
  for (const std::string& bytes : {write_text(good), write_binary(good)}) {
    const DrupResult r = check_bytes(cnf, bytes);
    CHECK(r.verified);
    CHECK(r.lemmas == 3);
    CHECK(r.deletions == 1);
    CHECK_THAT(r.message, Catch::Contains("empty clause derived at lemma 3"));
  }
  // Lemma 2 (variable 7 is fresh: RAT, but not RUP).
  const std::vector<ProofItem> bad = {{false, {1, 2}}, {false, {7}}, {false, {1}}, {false, {}}};
  for (const std::string& bytes : {write_text(bad), write_binary(bad)}) {
    const DrupResult r = check_bytes(cnf, bytes);
    CHECK_FALSE(r.verified);
    CHECK_THAT(r.message, Catch::StartsWith("lemma 2 ") && Catch::Contains("not RUP: 7 0"));
  }
  // No empty clause, but the lemmas make unit propagation conflict.
  const DrupResult implicit = check_bytes(cnf, "1 2 0\n1 0\n");
  CHECK(implicit.verified);
  CHECK_THAT(implicit.message, Catch::Contains("propagate to a conflict"));
  // Correct lemmas that stop short of a refutation.
  const DrupResult partial = check_bytes(cnf, "1 2 0\n");
  CHECK_FALSE(partial.verified);
  CHECK_THAT(partial.message, Catch::Contains("does not refute"));
}

TEST_CASE("binary proofs starting with a deletion and empty proofs are handled", "[proof][drup]") {
  Cnf cnf;
  cnf.add_clause({1, 2});
  cnf.add_clause({-1});
  cnf.add_clause({-2});  // refuted by unit propagation alone
  const DrupResult empty = check_bytes(cnf, "");
  CHECK(empty.verified);
  CHECK(empty.lemmas == 0);
  const std::vector<ProofItem> items = {{true, {1, 2}}, {false, {}}};
  const DrupResult binary = check_bytes(cnf, write_binary(items));
  CHECK(binary.verified);
  CHECK(binary.deletions == 1);
  CHECK(binary.lemmas == 1);
  Cnf sat;
  sat.add_clause({1, 2});
  CHECK_FALSE(check_bytes(sat, "").verified);
  CHECK_FALSE(check_bytes(sat, write_binary(items)).verified);
}

TEST_CASE("a lemma that needs a deleted clause passes on the retry with deletions ignored",
          "[proof][drup]") {
  Cnf cnf;
  cnf.add_clause({1, 2, 3});
  cnf.add_clause({1, 2, -3});
  cnf.add_clause({1, -2, 3});
  cnf.add_clause({1, -2, -3});
  cnf.add_clause({-1, 4});
  cnf.add_clause({-1, -4});
  // Lemma 2 needs (1 -2 3) and (1 -2 -3), which were deleted before it.
  const std::vector<ProofItem> items = {
      {false, {1, 2}}, {true, {1, -2, 3}}, {true, {-3, 1, -2}}, {false, {1}}, {false, {}}};
  for (const std::string& bytes : {write_text(items), write_binary(items)}) {
    const DrupResult r = check_bytes(cnf, bytes);
    CHECK(r.verified);
    CHECK(r.deletions == 2);
    CHECK_THAT(r.message, Catch::Contains("deletions ignored") &&
                              Catch::Contains("with deletions applied instead: lemma 2 "));
  }
  REQUIRE(reference_verdict(cnf, items) == 0);
}

namespace {

// A stream over a string that cannot seek, like a pipe.
struct PipeBuf : std::streambuf {
  std::string data;
  explicit PipeBuf(std::string bytes) : data(std::move(bytes)) {
    setg(data.data(), data.data(), data.data() + data.size());
  }
};

}  // namespace

TEST_CASE("proofs read from an unseekable stream are checked in one pass", "[proof][drup]") {
  const Cnf php = pigeonhole(5, 4);
  PipeBuf good(cadical_proof(php, true));
  std::istream good_in(&good);
  CHECK(drup_check_stream(php, good_in).verified);
  Cnf cnf;
  cnf.add_clause({1, 2});
  cnf.add_clause({1, -2});
  cnf.add_clause({-1, 2});
  cnf.add_clause({-1, -2});
  // Needs the deleted clause (1 2): rejected, and the message says why.
  PipeBuf bad(write_text({{true, {1, 2}}, {false, {1}}, {false, {}}}));
  std::istream bad_in(&bad);
  const DrupResult r = drup_check_stream(cnf, bad_in);
  CHECK_FALSE(r.verified);
  CHECK_THAT(r.message, Catch::StartsWith("lemma 1 ") && Catch::Contains("cannot be re-read"));
}

TEST_CASE("a missing proof file gives a message, not a crash", "[proof][drup]") {
  const DrupResult r = drup_check(pigeonhole(3, 2), "/nonexistent/dir/proof.drat");
  CHECK_FALSE(r.verified);
  CHECK_THAT(r.message, Catch::Contains("cannot open"));
}
