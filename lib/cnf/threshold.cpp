// Threshold gate encodings (see threshold.hpp).  The gate is first
// normalized: weights above T are clipped to T (same function) and inputs are
// put in the BDD's variable order (threshold_bdd_order: decreasing weight),
// which the Direct enumeration relies on too.  AND and OR gates get their n+1
// plain clauses.
//
// Direct writes the prime implicates.  y -> gate needs a clause
// (-y OR x_S) for each minimal S whose complement cannot reach T, i.e. with
// w(S) >= W - T + 1; not y -> not gate needs (y OR -x_S) for each minimal S
// with w(S) >= T.  Both are "minimal sets of weight >= K", enumerated in
// decreasing-weight order (see threshold_minimal_sets).
//
// Bdd, Adder and Totalizer (and the choice between them) are lib/threshold_encode.hpp's, written
// through CnfGateSink.
#include "lib/cnf/threshold.hpp"

#include <algorithm>
#include <cassert>
#include <climits>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "lib/circuit.hpp"

namespace tc {

namespace {

// Constant "literals" used while emitting BDD and adder clauses: negation maps one to
// the other, as for real literals.  No variable reaches INT_MAX.
constexpr Lit kConstTrue = INT_MAX;
constexpr Lit kConstFalse = -INT_MAX;

// The gate after normalization: inputs in the BDD's variable order (decreasing
// weight), weights clipped to T.
struct ThresholdGate {
  std::vector<Lit> xs;          // input literals, decreasing weight
  std::vector<int64_t> ws;      // weights, 1 <= ws[i] <= T, non-increasing
  std::vector<int64_t> suffix;  // suffix[i] = ws[i] + ... + ws[n-1]; suffix[n] = 0
  int64_t T = 0;                // threshold, 1 <= T <= W
  int64_t W = 0;                // total weight = suffix[0]
};

ThresholdGate threshold_normalize([[maybe_unused]] Lit y, const std::vector<Lit>& xs,
                                  const std::vector<int64_t>& ws, int64_t T) {
  assert(!xs.empty() && xs.size() == ws.size());
  assert(T >= 1);
  std::vector<ThresholdTerm> terms;
  for (size_t i = 0; i < xs.size(); ++i) {
    assert(ws[i] >= 1);
    assert(xs[i] != 0 && std::abs(xs[i]) != std::abs(y));
    terms.push_back({xs[i], ws[i]});
  }
  const size_t n = terms.size();
  ThresholdGate g;
  g.T = T;
  g.xs.reserve(n);
  g.ws.reserve(n);
  for (const ThresholdTerm& t : threshold_bdd_order(std::move(terms), T)) {
    g.xs.push_back(static_cast<Lit>(t.lit));
    g.ws.push_back(t.weight);
  }
#ifndef NDEBUG
  {
    std::vector<int> vars;
    for (Lit x : xs) vars.push_back(std::abs(x));
    std::sort(vars.begin(), vars.end());
    assert(std::adjacent_find(vars.begin(), vars.end()) == vars.end());
  }
#endif
  g.suffix.assign(n + 1, 0);
  for (size_t i = n; i-- > 0;) {
    [[maybe_unused]] bool overflow = __builtin_add_overflow(g.suffix[i + 1], g.ws[i], &g.suffix[i]);
    assert(!overflow && g.suffix[i] < kMaxGateWeightSum);
  }
  g.W = g.suffix[0];
  assert(T <= g.W);
  return g;
}

// Calls emit(set) for every minimal index set S with w(S) >= K (indices into
// the non-increasing weights), until emit returns false.  Sets are built in
// index order and closed as soon as they reach K: the last index added has
// the smallest weight and the set was below K without it, so every emitted
// set is minimal, and every minimal set arises this way.  The suffix-sum
// test prunes branches that cannot reach K, so the work is O(n) per set.
// Returns false if stopped early.
template <class Emit>
bool threshold_minimal_sets(const ThresholdGate& g, int64_t K, Emit&& emit) {
  std::vector<size_t> set;
  const size_t n = g.ws.size();
  auto rec = [&](auto&& self, size_t start, int64_t sum) -> bool {
    for (size_t i = start; i < n; ++i) {
      if (sum + g.suffix[i] < K) break;  // suffix only shrinks further right
      set.push_back(i);
      bool go_on = sum + g.ws[i] >= K ? emit(set) : self(self, i + 1, sum + g.ws[i]);
      set.pop_back();
      if (!go_on) return false;
    }
    return true;
  };
  return rec(rec, 0, 0);
}

// Number of Direct clauses, counting no further than cap.
int64_t threshold_direct_count(const ThresholdGate& g, int64_t cap) {
  int64_t count = 0;
  auto counter = [&](const std::vector<size_t>&) { return ++count < cap; };
  if (threshold_minimal_sets(g, g.W - g.T + 1, counter)) threshold_minimal_sets(g, g.T, counter);
  return std::min(count, cap);
}

void threshold_encode_direct(Cnf& cnf, Lit y, const ThresholdGate& g) {
  threshold_minimal_sets(g, g.W - g.T + 1, [&](const std::vector<size_t>& s) {
    Clause c{-y};
    for (size_t i : s) c.push_back(g.xs[i]);
    cnf.add_clause(std::move(c));
    return true;
  });
  threshold_minimal_sets(g, g.T, [&](const std::vector<size_t>& s) {
    Clause c{y};
    for (size_t i : s) c.push_back(-g.xs[i]);
    cnf.add_clause(std::move(c));
    return true;
  });
}

// ---------------------------------------------------------------------------
// Interval BDD.

// Adds c after substituting constants: drops satisfied clauses and false
// constants.
void threshold_add_folded(Cnf& cnf, std::initializer_list<Lit> lits) {
  Clause c;
  for (Lit l : lits) {
    if (l == kConstTrue) return;
    if (l != kConstFalse) c.push_back(l);
  }
  assert(!c.empty());
  cnf.add_clause(std::move(c));
}

// The CNF as a GateSink: each node a fresh variable with its Tseitin clauses, constants folded
// (kConstTrue / kConstFalse never reach a clause).
//
// A BDD node n = ITE(x, hi, lo) gets (x & hi -> n), (!x & n -> lo), (lo -> n), (n -> hi). The
// other two ITE clauses, (x & n -> hi) and (!x & lo -> n), are subsumed by the monotone ones (lo
// implies hi since all weights are positive), so unit propagation is the same as with all six.
class CnfGateSink : public GateSink {
 public:
  explicit CnfGateSink(Cnf& cnf) : cnf_(cnf) {}
  SinkLit constant(bool value) override { return value ? kConstTrue : kConstFalse; }
  SinkLit negate(SinkLit x) override { return -x; }
  SinkLit monotone_ite(SinkLit x_, SinkLit hi_, SinkLit lo_) override {
    const Lit x = lit(x_), hi = lit(hi_), lo = lit(lo_);
    const Lit n = cnf_.new_var();
    threshold_add_folded(cnf_, {-x, -hi, n});
    threshold_add_folded(cnf_, {x, -n, lo});
    threshold_add_folded(cnf_, {-lo, n});
    threshold_add_folded(cnf_, {-n, hi});
    return n;
  }
  SinkLit and2(SinkLit a_, SinkLit b_) override {
    const Lit a = lit(a_), b = lit(b_);
    if (a == kConstFalse || b == kConstFalse || a == -b) return kConstFalse;
    if (a == kConstTrue || a == b) return b;
    if (b == kConstTrue) return a;
    const Lit z = cnf_.new_var();
    cnf_.add_clause({-z, a});
    cnf_.add_clause({-z, b});
    cnf_.add_clause({z, -a, -b});
    return z;
  }
  SinkLit xor2(SinkLit a_, SinkLit b_) override {
    const Lit a = lit(a_), b = lit(b_);
    if (a == kConstFalse) return b;
    if (b == kConstFalse) return a;
    if (a == kConstTrue) return -b;
    if (b == kConstTrue) return -a;
    if (a == b) return kConstFalse;
    if (a == -b) return kConstTrue;
    const Lit z = cnf_.new_var();
    cnf_encode_xor(cnf_, z, a, b);
    return z;
  }
  SinkLit majority3(SinkLit a_, SinkLit b_, SinkLit c_) override {
    Lit a = lit(a_), b = lit(b_), c = lit(c_);
    // A constant or a repeated variable decides one vote: what is left is an AND or an OR.
    for (int turn = 0; turn < 3; ++turn) {
      if (c == kConstTrue) return or2(a, b);
      if (c == kConstFalse) return and2(a, b);
      if (a == b) return a;
      if (a == -b) return c;
      const Lit t = a;
      a = b;
      b = c;
      c = t;
    }
    const Lit z = cnf_.new_var();
    cnf_.add_clause({-z, a, b});
    cnf_.add_clause({-z, a, c});
    cnf_.add_clause({-z, b, c});
    cnf_.add_clause({z, -a, -b});
    cnf_.add_clause({z, -a, -c});
    cnf_.add_clause({z, -b, -c});
    return z;
  }
  // The totalizer's clauses (Bailleux and Boufkhad 2003), with A's digit 0 true and digit p + 1
  // false (likewise B's): [A >= i] & [B >= j] -> r_{i+j}, and r_{i+j+1} -> [A >= i+1] | [B >= j+1].
  // Exact because the inputs are unary (each digit implies the one before); a fresh variable per
  // output digit, 2 clauses per pair of input digits.
  std::vector<SinkLit> unary_add(const std::vector<SinkLit>& a_, const std::vector<SinkLit>& b_,
                                 size_t width) override {
    const int64_t p = int64_t(a_.size()), q = int64_t(b_.size()), len = int64_t(width);
    assert(len <= p + q);
    auto digit = [](const std::vector<SinkLit>& v, int64_t i) -> Lit {
      return i <= 0 ? kConstTrue : i > int64_t(v.size()) ? kConstFalse : lit(v[size_t(i - 1)]);
    };
    std::vector<SinkLit> r;
    for (int64_t k = 0; k < len; ++k) r.push_back(cnf_.new_var());
    for (int64_t i = 0; i <= p; ++i)
      for (int64_t j = std::max<int64_t>(0, 1 - i); j <= q && i + j <= len; ++j)
        threshold_add_folded(cnf_, {-digit(a_, i), -digit(b_, j), lit(r[size_t(i + j - 1)])});
    for (int64_t i = 0; i <= p; ++i)
      for (int64_t j = 0; j <= q && i + j < len; ++j)
        threshold_add_folded(cnf_, {-lit(r[size_t(i + j)]), digit(a_, i + 1), digit(b_, j + 1)});
    return r;
  }

 private:
  static Lit lit(SinkLit l) { return static_cast<Lit>(l); }
  Cnf& cnf_;
};

// The root (a BDD node or a totalizer's digit, which other gates may share, or an adder's
// comparator) is tied to y by
// two clauses.
void threshold_encode_shared(Cnf& cnf, Lit y, const ThresholdGate& g, ThresholdMethod method,
                             ThresholdSharing& sharing) {
  std::vector<ThresholdTerm> terms;
  for (size_t i = 0; i < g.xs.size(); ++i) terms.push_back({g.xs[i], g.ws[i]});
  CnfGateSink sink(cnf);
  const Lit root =
      static_cast<Lit>(threshold_encode(sink, sharing, terms, g.T, method, kThresholdBddMaxNodes));
  assert(root != kConstTrue && root != kConstFalse);  // 1 <= T <= W: not constant
  cnf.add_clause({-y, root});
  cnf.add_clause({y, -root});
}

}  // namespace

// ---------------------------------------------------------------------------

ThresholdEncodingUsed cnf_encode_threshold(Cnf& cnf, Lit y, const std::vector<Lit>& xs,
                                           const std::vector<int64_t>& ws, int64_t T,
                                           ThresholdEncoding enc) {
  return cnf_encode_threshold(cnf, y, xs, ws, T, enc, nullptr);
}

ThresholdEncodingUsed cnf_encode_threshold(Cnf& cnf, Lit y, const std::vector<Lit>& xs,
                                           const std::vector<int64_t>& ws, int64_t T,
                                           ThresholdEncoding enc, ThresholdSharing* sharing) {
  assert(y != 0);
  const ThresholdGate g = threshold_normalize(y, xs, ws, T);
  // Callers may use variables they never allocated; keep auxiliary
  // variables clear of them.
  cnf.num_vars = std::max(cnf.num_vars, std::abs(y));
  for (Lit x : xs) cnf.num_vars = std::max(cnf.num_vars, std::abs(x));
  const size_t n = g.xs.size();
  if (threshold_is_and(g.ws, g.T)) {
    Clause big{y};
    for (Lit x : g.xs) {
      cnf.add_clause({-y, x});
      big.push_back(-x);
    }
    cnf.add_clause(std::move(big));
    return ThresholdEncodingUsed::Plain;
  }
  if (threshold_is_or(g.ws, g.T)) {
    Clause big{-y};
    for (Lit x : g.xs) {
      cnf.add_clause({y, -x});
      big.push_back(x);
    }
    cnf.add_clause(std::move(big));
    return ThresholdEncodingUsed::Plain;
  }
  if (enc == ThresholdEncoding::Auto &&
      (n <= size_t(kThresholdAutoDirectMaxFanin) ||
       threshold_direct_count(g, kThresholdAutoDirectMaxClauses + 1) <=
           kThresholdAutoDirectMaxClauses))
    enc = ThresholdEncoding::Direct;
  if (enc == ThresholdEncoding::Direct) {
    threshold_encode_direct(cnf, y, g);
    return ThresholdEncodingUsed::Direct;
  }
  ThresholdSharing own;
  ThresholdSharing& shared = sharing ? *sharing : own;
  const ThresholdMethod method = enc == ThresholdEncoding::Bdd         ? ThresholdMethod::Bdd
                                 : enc == ThresholdEncoding::Adder     ? ThresholdMethod::Adder
                                 : enc == ThresholdEncoding::Totalizer ? ThresholdMethod::Totalizer
                                                                       : ThresholdMethod::Auto;
  const ThresholdEncodeStats before = shared.stats;
  threshold_encode_shared(cnf, y, g, method, shared);
  return shared.stats.adder_gates > before.adder_gates           ? ThresholdEncodingUsed::Adder
         : shared.stats.totalizer_gates > before.totalizer_gates ? ThresholdEncodingUsed::Totalizer
                                                                 : ThresholdEncodingUsed::Bdd;
}

void cnf_announce_threshold(ThresholdSharing& sharing, const std::vector<Lit>& xs,
                            const std::vector<int64_t>& ws, int64_t T) {
  if (threshold_is_and(ws, T) || threshold_is_or(ws, T) ||
      xs.size() <= size_t(kThresholdAutoDirectMaxFanin))
    return;
  std::vector<ThresholdTerm> terms;
  for (size_t i = 0; i < xs.size(); ++i) terms.push_back({xs[i], std::min(ws[i], T)});
  sharing.expect(terms);
}

void cnf_encode_xor(Cnf& cnf, Lit y, Lit a, Lit b) {
  cnf.add_clause({-y, a, b});
  cnf.add_clause({-y, -a, -b});
  cnf.add_clause({y, -a, b});
  cnf.add_clause({y, a, -b});
}

}  // namespace tc
