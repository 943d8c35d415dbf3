// Threshold gate encodings (see threshold.hpp).  The gate is first
// normalized: weights above T are clipped to T (same function) and inputs are
// sorted by decreasing weight, which both the Direct enumeration and the BDD
// variable order rely on.  AND and OR gates get their n+1 plain clauses.
//
// Direct writes the prime implicates.  y -> gate needs a clause
// (-y OR x_S) for each minimal S whose complement cannot reach T, i.e. with
// w(S) >= W - T + 1; not y -> not gate needs (y OR -x_S) for each minimal S
// with w(S) >= T.  Both are "minimal sets of weight >= K", enumerated in
// decreasing-weight order (see threshold_minimal_sets).
//
// Bdd follows Abio, Nieuwenhuis, Oliveras, Rodriguez-Carbonell (SAT 2011):
// the node for inputs i..n-1 and residual threshold K also carries the
// maximal interval [beta, gamma] of residual thresholds giving the same
// function, so later requests hit the memo by interval lookup rather than
// per value; this keeps weights like 2^i or many equal weights polynomial.
#include "lib/cnf/threshold.hpp"

#include <algorithm>
#include <cassert>
#include <climits>
#include <cstdlib>
#include <map>
#include <numeric>
#include <stdexcept>
#include <string>

#include "lib/circuit.hpp"

namespace tc {

namespace {

// Constant "literals" used while emitting BDD clauses: negation maps one to
// the other, as for real literals.  No variable reaches INT_MAX.
constexpr Lit kConstTrue = INT_MAX;
constexpr Lit kConstFalse = -INT_MAX;

// Large enough that clipped weight sums (< 2^61) never reach them and small
// enough that adding a weight cannot overflow.
constexpr int64_t kNegInf = -(int64_t(1) << 62);
constexpr int64_t kPosInf = int64_t(1) << 62;

// The gate after normalization: inputs sorted by decreasing weight, weights
// clipped to T.
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
  const size_t n = xs.size();
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t(0));
  // Equal weights in literal order: deterministic, and the same suffixes for ThresholdBddCache.
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return ws[a] != ws[b] ? ws[a] > ws[b] : xs[a] < xs[b]; });
  ThresholdGate g;
  g.T = T;
  g.xs.reserve(n);
  g.ws.reserve(n);
  for (size_t i : order) {
    assert(ws[i] >= 1);
    assert(xs[i] != 0 && std::abs(xs[i]) != std::abs(y));
    g.xs.push_back(xs[i]);
    g.ws.push_back(std::min(ws[i], T));
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

struct BddNode {
  size_t level;  // index of the tested input in the sorted gate
  int hi, lo;    // children: node ids, or kBddFalse / kBddTrue
};

constexpr int kBddFalse = -2;
constexpr int kBddTrue = -1;

struct BddResult {
  int node;
  int64_t beta, gamma;  // all residual thresholds with the same function
};

class ThresholdBdd {
 public:
  explicit ThresholdBdd(const ThresholdGate& g) : g_(g), levels_(g.ws.size()) {}

  // The node of [sum_{j >= i} w_j x_j >= K] with its interval.  The interval
  // of an inner node is the intersection of the children's intervals, the
  // hi one shifted by w_i: K' gives the same function iff both cofactors
  // are the same functions.
  BddResult build(size_t i, int64_t K) {
    if (K <= 0) return {kBddTrue, kNegInf, 0};
    if (K > g_.suffix[i]) return {kBddFalse, g_.suffix[i] + 1, kPosInf};
    auto& memo = levels_[i];
    auto it = memo.upper_bound(K);
    if (it != memo.begin()) {
      --it;
      if (it->second.gamma >= K) return {it->second.node, it->first, it->second.gamma};
    }
    const int64_t w = g_.ws[i];
    BddResult hi = build(i + 1, K - w);
    BddResult lo = build(i + 1, K);
    BddResult r;
    r.beta = std::max(shift(hi.beta, w), lo.beta);
    r.gamma = std::min(shift(hi.gamma, w), lo.gamma);
    assert(r.beta <= K && K <= r.gamma);
    if (hi.node == lo.node) {
      r.node = hi.node;  // x_i irrelevant here: reduce
    } else {
      if (int64_t(nodes_.size()) >= kThresholdBddMaxNodes)
        throw std::runtime_error(
            "threshold BDD exceeds " + std::to_string(kThresholdBddMaxNodes) +
            " nodes (fan-in " + std::to_string(g_.ws.size()) + ", threshold " +
            std::to_string(g_.T) + ")");
      r.node = int(nodes_.size());
      nodes_.push_back({i, hi.node, lo.node});
    }
    memo.emplace(r.beta, Entry{r.gamma, r.node});
    return r;
  }

  const std::vector<BddNode>& nodes() const { return nodes_; }

 private:
  struct Entry {
    int64_t gamma;
    int node;
  };

  static int64_t shift(int64_t v, int64_t w) {
    return v == kNegInf || v == kPosInf ? v : v + w;
  }

  const ThresholdGate& g_;
  std::vector<std::map<int64_t, Entry>> levels_;  // per level: beta -> entry
  std::vector<BddNode> nodes_;                    // children precede parents
};

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

// Per node n = ITE(x, hi, lo): (x & hi -> n), (!x & n -> lo), (lo -> n),
// (n -> hi).  The other two ITE clauses, (x & n -> hi) and (!x & lo -> n),
// are subsumed by the monotone ones (lo implies hi since all weights are
// positive), so unit propagation is the same as with all six.
void threshold_encode_bdd(Cnf& cnf, Lit y, const ThresholdGate& g) {
  ThresholdBdd bdd(g);
  const BddResult root = bdd.build(0, g.T);
  assert(root.node >= 0);  // 1 <= T <= W: not constant
  const auto& nodes = bdd.nodes();
  std::vector<Lit> lit(nodes.size());
  for (size_t k = 0; k < nodes.size(); ++k)
    lit[k] = int(k) == root.node ? y : cnf.new_var();  // the root is y itself
  auto ref = [&](int node) {
    return node == kBddTrue ? kConstTrue : node == kBddFalse ? kConstFalse : lit[size_t(node)];
  };
  for (size_t k = 0; k < nodes.size(); ++k) {
    const Lit n = lit[k], x = g.xs[nodes[k].level];
    const Lit hi = ref(nodes[k].hi), lo = ref(nodes[k].lo);
    threshold_add_folded(cnf, {-x, -hi, n});
    threshold_add_folded(cnf, {x, -n, lo});
    threshold_add_folded(cnf, {-lo, n});
    threshold_add_folded(cnf, {-n, hi});
  }
}

// The interval BDD again, with nodes looked up in and added to a cache shared by all gates of
// the CNF; clauses are emitted as nodes are created. Returns the node's literal (or a constant
// marker) and its interval [beta, gamma].
Lit threshold_shared_node(Cnf& cnf, ThresholdBddCache& cache, const ThresholdGate& g,
                          const std::vector<int>& suffix, size_t i, int64_t K, int64_t& beta,
                          int64_t& gamma, int64_t var_limit) {
  if (K <= 0) {
    beta = kNegInf, gamma = 0;
    return kConstTrue;
  }
  if (K > g.suffix[i]) {
    beta = g.suffix[i] + 1, gamma = kPosInf;
    return kConstFalse;
  }
  {
    auto& memo = cache.memo(suffix[i]);
    auto it = memo.upper_bound(K);
    if (it != memo.begin() && std::prev(it)->second.gamma >= K) {
      --it;
      beta = it->first, gamma = it->second.gamma;
      return it->second.node;
    }
  }
  const int64_t w = g.ws[i];
  int64_t hi_beta, hi_gamma, lo_beta, lo_gamma;
  const Lit hi = threshold_shared_node(cnf, cache, g, suffix, i + 1, K - w, hi_beta, hi_gamma, var_limit);
  const Lit lo = threshold_shared_node(cnf, cache, g, suffix, i + 1, K, lo_beta, lo_gamma, var_limit);
  auto shift = [](int64_t v, int64_t d) { return v == kNegInf || v == kPosInf ? v : v + d; };
  beta = std::max(shift(hi_beta, w), lo_beta);
  gamma = std::min(shift(hi_gamma, w), lo_gamma);
  Lit n = hi;
  if (hi != lo) {
    if (cnf.num_vars >= var_limit)
      throw std::runtime_error("threshold BDD exceeds " + std::to_string(kThresholdBddMaxNodes) +
                               " new nodes for one gate (fan-in " + std::to_string(g.ws.size()) + ")");
    n = cnf.new_var();
    const Lit x = g.xs[i];
    threshold_add_folded(cnf, {-x, -hi, n});
    threshold_add_folded(cnf, {x, -n, lo});
    threshold_add_folded(cnf, {-lo, n});
    threshold_add_folded(cnf, {-n, hi});
  }
  cache.memo(suffix[i]).emplace(beta, ThresholdBddCache::Entry{gamma, n});  // after recursion
  return n;
}

void threshold_encode_bdd_shared(Cnf& cnf, Lit y, const ThresholdGate& g, ThresholdBddCache& cache) {
  const size_t n = g.xs.size();
  std::vector<int> suffix(n + 1, 0);
  for (size_t i = n; i-- > 0;) suffix[i] = cache.suffix_id(suffix[i + 1], g.xs[i], g.ws[i]);
  int64_t beta, gamma;
  const Lit root = threshold_shared_node(cnf, cache, g, suffix, 0, g.T, beta, gamma,
                                         cnf.num_vars + kThresholdBddMaxNodes);
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

int ThresholdBddCache::suffix_id(int rest, Lit x, int64_t w) {
  auto [it, added] = suffix_ids_.try_emplace({rest, x, w}, static_cast<int>(memo_.size()));
  if (added) memo_.emplace_back();
  return it->second;
}

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
  if (g.W - g.ws.back() < g.T) {  // every input needed: AND
    Clause big{y};
    for (Lit x : g.xs) {
      cnf.add_clause({-y, x});
      big.push_back(-x);
    }
    cnf.add_clause(std::move(big));
    return;
  }
  if (g.ws.back() >= g.T) {  // every input suffices: OR
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
      if (cache)
        threshold_encode_bdd_shared(cnf, y, g, *cache);
      else
        threshold_encode_bdd(cnf, y, g);
    } catch (const std::runtime_error&) {
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
