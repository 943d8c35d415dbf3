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
// Bdd writes the interval BDD of lib/threshold_bdd.hpp through CnfGateSink.
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
    [[maybe_unused]] bool overflow =
        __builtin_add_overflow(g.suffix[i + 1], g.ws[i], &g.suffix[i]);
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
  if (threshold_minimal_sets(g, g.W - g.T + 1, counter))
    threshold_minimal_sets(g, g.T, counter);
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

// A BDD node is a fresh variable n = ITE(x, hi, lo) with the clauses (x & hi -> n),
// (!x & n -> lo), (lo -> n), (n -> hi).  The other two ITE clauses, (x & n -> hi) and
// (!x & lo -> n), are subsumed by the monotone ones (lo implies hi since all weights are
// positive), so unit propagation is the same as with all six.
class CnfGateSink : public GateSink {
 public:
  explicit CnfGateSink(Cnf& cnf) : cnf_(cnf) {}
  SinkLit constant(bool value) override { return value ? kConstTrue : kConstFalse; }
  SinkLit monotone_ite(SinkLit x_, SinkLit hi_, SinkLit lo_) override {
    const Lit x = static_cast<Lit>(x_), hi = static_cast<Lit>(hi_), lo = static_cast<Lit>(lo_);
    const Lit n = cnf_.new_var();
    threshold_add_folded(cnf_, {-x, -hi, n});
    threshold_add_folded(cnf_, {x, -n, lo});
    threshold_add_folded(cnf_, {-lo, n});
    threshold_add_folded(cnf_, {-n, hi});
    return n;
  }

 private:
  Cnf& cnf_;
};

// The root is a node of its own (it may be shared with other gates), tied to y by two clauses.
void threshold_encode_bdd(Cnf& cnf, Lit y, const ThresholdGate& g, ThresholdBddCache& cache) {
  std::vector<ThresholdTerm> terms;
  for (size_t i = 0; i < g.xs.size(); ++i) terms.push_back({g.xs[i], g.ws[i]});
  CnfGateSink sink(cnf);
  const Lit root =
      static_cast<Lit>(threshold_bdd_build(sink, cache, terms, g.T, kThresholdBddMaxNodes));
  assert(root != kConstTrue && root != kConstFalse);  // 1 <= T <= W: not constant
  cnf.add_clause({-y, root});
  cnf.add_clause({y, -root});
}

// y <-> [sum ws[i] xs[i] >= T] by a binary adder network: column b holds the inputs whose weight
// has bit b set; full adders (3 bits of a column to a sum bit here and a carry to the next
// column) and half adders reduce every column to one bit s_b, so S = sum s_b 2^b exactly. Then
// c_b = [S mod 2^(b+1) >= T mod 2^(b+1)] from the least significant bit up, and y <-> c_top.
void threshold_encode_adder(Cnf& cnf, Lit y, const ThresholdGate& g) {
  auto tseitin_xor = [&](Lit a, Lit b) {
    const Lit z = cnf.new_var();
    cnf_encode_xor(cnf, z, a, b);
    return z;
  };
  auto tseitin_and = [&](Lit a, Lit b) {
    const Lit z = cnf.new_var();
    cnf.add_clause({-z, a});
    cnf.add_clause({-z, b});
    cnf.add_clause({z, -a, -b});
    return z;
  };
  auto tseitin_majority = [&](Lit a, Lit b, Lit c) {
    const Lit z = cnf.new_var();
    cnf.add_clause({-z, a, b});
    cnf.add_clause({-z, a, c});
    cnf.add_clause({-z, b, c});
    cnf.add_clause({z, -a, -b});
    cnf.add_clause({z, -a, -c});
    cnf.add_clause({z, -b, -c});
    return z;
  };
  int width = 0;
  while (width < 62 && (g.W >> width) != 0) ++width;
  std::vector<std::vector<Lit>> columns(static_cast<size_t>(width) + 1);
  for (size_t i = 0; i < g.xs.size(); ++i)
    for (int b = 0; b < width; ++b)
      if ((g.ws[i] >> b) & 1) columns[static_cast<size_t>(b)].push_back(g.xs[i]);
  std::vector<Lit> sum_bits;  // 0 marks a column that is constantly 0
  for (size_t b = 0; b < columns.size(); ++b) {
    std::vector<Lit>& col = columns[b];
    while (col.size() >= 2) {
      const Lit a = col.back(); col.pop_back();
      const Lit c = col.back(); col.pop_back();
      if (!col.empty()) {
        const Lit d = col.back(); col.pop_back();
        col.insert(col.begin(), tseitin_xor(tseitin_xor(a, c), d));
        if (b + 1 >= columns.size()) columns.emplace_back();
        columns[b + 1].push_back(tseitin_majority(a, c, d));
      } else {
        col.insert(col.begin(), tseitin_xor(a, c));
        if (b + 1 >= columns.size()) columns.emplace_back();
        columns[b + 1].push_back(tseitin_and(a, c));
      }
    }
    sum_bits.push_back(col.empty() ? 0 : col.front());
  }
  // c starts as "true" (no bits compared yet); kConstTrue stands for it.
  Lit c = kConstTrue;
  for (size_t b = 0; b < sum_bits.size(); ++b) {
    const bool t = b < 63 && ((g.T >> b) & 1);
    const Lit s = sum_bits[b];
    if (s == 0) {  // s_b = 0: c stays if t_b = 0, else S's low bits are below T's
      if (t) c = kConstFalse;
      continue;
    }
    if (c == kConstTrue) {
      c = t ? s : kConstTrue;
    } else if (c == kConstFalse) {
      c = t ? kConstFalse : s;
    } else if (t) {
      c = tseitin_and(s, c);
    } else {
      c = -tseitin_and(-s, -c);  // s or c
    }
  }
  assert(c != kConstTrue && c != kConstFalse);  // 1 <= T <= W: the gate is not constant
  cnf.add_clause({-y, c});
  cnf.add_clause({y, -c});
}

}  // namespace

// ---------------------------------------------------------------------------

void cnf_encode_threshold(Cnf& cnf, Lit y, const std::vector<Lit>& xs,
                          const std::vector<int64_t>& ws, int64_t T,
                          ThresholdEncoding enc) {
  cnf_encode_threshold(cnf, y, xs, ws, T, enc, nullptr);
}

void cnf_encode_threshold(Cnf& cnf, Lit y, const std::vector<Lit>& xs,
                          const std::vector<int64_t>& ws, int64_t T, ThresholdEncoding enc,
                          ThresholdBddCache* cache) {
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
    return;
  }
  if (threshold_is_or(g.ws, g.T)) {
    Clause big{-y};
    for (Lit x : g.xs) {
      cnf.add_clause({y, -x});
      big.push_back(x);
    }
    cnf.add_clause(std::move(big));
    return;
  }
  const bool automatic = enc == ThresholdEncoding::Auto;
  if (automatic) {
    const bool direct =
        n <= size_t(kThresholdAutoDirectMaxFanin) ||
        threshold_direct_count(g, kThresholdAutoDirectMaxClauses + 1) <=
            kThresholdAutoDirectMaxClauses;
    enc = direct ? ThresholdEncoding::Direct : ThresholdEncoding::Bdd;
  }
  if (enc == ThresholdEncoding::Direct) {
    threshold_encode_direct(cnf, y, g);
  } else if (enc == ThresholdEncoding::Adder) {
    threshold_encode_adder(cnf, y, g);
  } else {
    try {
      ThresholdBddCache own;
      threshold_encode_bdd(cnf, y, g, cache ? *cache : own);
    } catch (const ThresholdBddTooLarge&) {
      if (!automatic) throw;
      threshold_encode_adder(cnf, y, g);
    }
  }
}

void cnf_encode_xor(Cnf& cnf, Lit y, Lit a, Lit b) {
  cnf.add_clause({-y, a, b});
  cnf.add_clause({-y, -a, -b});
  cnf.add_clause({y, -a, b});
  cnf.add_clause({y, a, -b});
}

}  // namespace tc
