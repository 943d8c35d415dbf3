// Two-directional CNF encodings of threshold gates y <-> [sum_i w_i x_i >= T].
// In a miter every gate output occurs in both polarities, so both y -> gate
// and not y -> not gate are encoded.  Three encodings, all propagation
// complete (unit propagation derives every implied value of y and the inputs):
//   - AND/OR gates: the n+1 plain clauses;
//   - Direct: the prime implicates of the gate (no auxiliary variables),
//     size up to 2*C(n, n/2), so only for small fan-in;
//   - Bdd: a reduced ordered BDD built with the interval technique of Abio,
//     Nieuwenhuis, Oliveras and Rodriguez-Carbonell ("BDDs for pseudo-Boolean
//     constraints revisited", SAT 2011), with the monotone clauses lo -> n and
//     n -> hi per node that make it propagation complete;
//   - Adder (the fallback when a BDD would exceed kThresholdBddMaxNodes): the weighted sum in
//     binary by Tseitin full and half adders over the weights' bit columns, then a Tseitin
//     comparison with T. Polynomial in fan-in and weight bits, exact (both directions), but not
//     propagation complete, so only used where the BDD is too large.
// See REFERENCE.md section 4 for the measurements behind the choice.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <tuple>
#include <vector>

#include "lib/cnf/cnf.hpp"

namespace tc {

enum class ThresholdEncoding {
  Auto,    // AND/OR plain; Direct if fan-in <= 8 or <= 64 direct clauses; else Bdd
  Direct,  // prime-implicate clauses, no auxiliary variables
  Bdd,     // interval-memoized ROBDD, one auxiliary variable per inner node
  Adder,   // binary adder network and comparator (Auto falls back to it for huge BDDs)
};

// Fan-in up to which Auto always picks Direct (at most 2*C(8,4) = 140
// clauses there), and the clause count up to which it picks Direct for any
// fan-in (e.g. near-AND or near-OR gates).
constexpr int kThresholdAutoDirectMaxFanin = 8;
constexpr int kThresholdAutoDirectMaxClauses = 64;

// ROBDDs of general pseudo-Boolean constraints can be exponential (e.g. many
// random large weights); the Bdd encoder throws std::runtime_error instead of
// exhausting memory once the BDD has more inner nodes than this.
constexpr int64_t kThresholdBddMaxNodes = int64_t(1) << 18;  // ~1M clauses

// Adds clauses (and, for Bdd, auxiliary variables) to cnf so that y is
// equivalent to [sum_i ws[i] * xs[i] >= T].  Preconditions (asserted): xs
// and ws have the same nonzero size, all ws[i] >= 1, 1 <= T <= sum ws, the
// xs are literals over distinct variables, none of them y's variable, and
// the weights clipped to T sum to less than 2^61.  AND gates (every input
// needed) and OR gates (every input suffices) always get plain clauses,
// whatever enc says.  Throws std::runtime_error if an explicitly requested Bdd
// exceeds kThresholdBddMaxNodes; Auto then falls back to Adder (the nodes
// already built stay in the CNF: each is defined by its children, so they
// constrain nothing but themselves).
void cnf_encode_threshold(Cnf& cnf, Lit y, const std::vector<Lit>& xs,
                          const std::vector<int64_t>& ws, int64_t T,
                          ThresholdEncoding enc = ThresholdEncoding::Auto);

// BDD nodes shared between the gates of one CNF. A node of the interval BDD stands for
// [sum over a suffix of (literal, weight) pairs >= K]; that function does not depend on the gate
// it was built for, so gates over the same weighted inputs with different thresholds (the first
// layer of a telescoping sum), or over sums with a common low-weight tail, reuse each other's
// nodes. Each gate's own root is tied to y by two clauses; every node keeps its clauses, so the
// encoding of each gate stays propagation-complete. Measured: the 8-bit multiplier miter shrinks
// from 23644 to 1173 variables and solves about 5x faster.
class ThresholdBddCache {
 public:
  // Id of the suffix (literal, weight) followed by the suffix with id `rest` (0: empty).
  int suffix_id(int rest, Lit x, int64_t w);
  struct Entry {
    int64_t gamma;  // the interval [beta, gamma] of residual thresholds with this function
    Lit node;       // its literal, or a constant marker
  };
  std::map<int64_t, Entry>& memo(int suffix) { return memo_[static_cast<size_t>(suffix)]; }

 private:
  std::map<std::tuple<int, Lit, int64_t>, int> suffix_ids_;
  std::vector<std::map<int64_t, Entry>> memo_{1};  // per suffix id: beta -> entry
};

// As above; Bdd-encoded gates share nodes through `cache` (same CNF only).
void cnf_encode_threshold(Cnf& cnf, Lit y, const std::vector<Lit>& xs,
                          const std::vector<int64_t>& ws, int64_t T, ThresholdEncoding enc,
                          ThresholdBddCache* cache);

// y <-> a xor b, the 4 clauses.
void cnf_encode_xor(Cnf& cnf, Lit y, Lit a, Lit b);

}  // namespace tc
