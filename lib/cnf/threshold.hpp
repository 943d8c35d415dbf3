// Two-directional CNF encodings of threshold gates y <-> [sum_i w_i x_i >= T].
// In a miter every gate output occurs in both polarities, so both y -> gate
// and not y -> not gate are encoded.  The encodings:
//   - AND/OR gates: the n+1 plain clauses;
//   - Direct: the prime implicates of the gate (no auxiliary variables),
//     size up to 2*C(n, n/2), so only for small fan-in;
//   - Bdd: the gate's interval BDD (lib/threshold_bdd.hpp, the same BDD the AIGER export
//     writes), with the monotone clauses lo -> n and n -> hi per node that make it
//     propagation complete; nodes are shared between the gates of one CNF (ThresholdSharing);
//   - Adder: the weighted sum in binary by Tseitin full and half adders over the weights' bit
//     columns, then a Tseitin comparison with T (lib/threshold_adder.hpp). Polynomial in fan-in
//     and weight bits and exact (both directions), but not propagation complete; the sum is
//     shared by the gates of one CNF over the same weighted inputs;
//   - Totalizer: the weighted sum in unary, each input counted w_i times, truncated at T
//     (lib/threshold_totalizer.hpp), with the totalizer's clauses per unary adder; for small
//     weights. The counter is shared by the gates of one CNF over the same weighted inputs.
// Direct, Bdd and Totalizer are propagation complete (unit propagation derives every implied
// value of y and the inputs). Auto takes Direct for small gates, else Bdd, Adder or Totalizer by
// lib/threshold_encode.hpp's size estimates, the choice the AIGER export makes too.
// See REFERENCE.md section 4 for the measurements behind the choice.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "lib/cnf/cnf.hpp"
#include "lib/threshold_encode.hpp"

namespace tc {

enum class ThresholdEncoding {
  Auto,       // AND/OR plain; Direct if fan-in <= 8 or <= 64 direct clauses; else Bdd or
              // Adder or Totalizer by their estimated sizes (lib/threshold_encode.hpp)
  Direct,     // prime-implicate clauses, no auxiliary variables
  Bdd,        // interval-memoized ROBDD, one auxiliary variable per inner node
  Adder,      // binary adder network and comparator
  Totalizer,  // unary counter of the weighted sum, truncated at T
};

// What a gate got (Plain: the clauses of an AND or OR gate, whatever was asked).
enum class ThresholdEncodingUsed { Plain, Direct, Bdd, Adder, Totalizer };

// Fan-in up to which Auto always picks Direct (at most 2*C(8,4) = 140
// clauses there), and the clause count up to which it picks Direct for any
// fan-in (e.g. near-AND or near-OR gates).
constexpr int kThresholdAutoDirectMaxFanin = 8;
constexpr int kThresholdAutoDirectMaxClauses = 64;

// ROBDDs of general pseudo-Boolean constraints can be exponential (e.g. many
// random large weights); the Bdd encoder throws ThresholdBddTooLarge (a
// std::runtime_error) instead of exhausting memory once one gate adds more
// inner nodes than this.
constexpr int64_t kThresholdBddMaxNodes = int64_t(1) << 18;  // ~1M clauses

// Adds clauses (and, for Bdd, auxiliary variables) to cnf so that y is
// equivalent to [sum_i ws[i] * xs[i] >= T].  Preconditions (asserted): xs
// and ws have the same nonzero size, all ws[i] >= 1, 1 <= T <= sum ws, the
// xs are literals over distinct variables, none of them y's variable, and
// the weights clipped to T sum to less than 2^61.  AND gates (every input
// needed) and OR gates (every input suffices) always get plain clauses,
// whatever enc says.  Throws ThresholdTotalizerTooLarge if an explicitly requested Totalizer
// exceeds kThresholdTotalizerMaxPairs, and ThresholdBddTooLarge if an explicitly requested Bdd
// exceeds kThresholdBddMaxNodes (the nodes already built stay in the CNF: each is
// defined by its children, so they constrain nothing but themselves); Auto never
// builds a BDD that large.  Returns the encoding the gate got.
ThresholdEncodingUsed cnf_encode_threshold(Cnf& cnf, Lit y, const std::vector<Lit>& xs,
                                           const std::vector<int64_t>& ws, int64_t T,
                                           ThresholdEncoding enc = ThresholdEncoding::Auto);

// As above; gates share BDD nodes, adder sums and totalizers through `sharing` (same CNF only;
// without one, each gate gets its own).
ThresholdEncodingUsed cnf_encode_threshold(Cnf& cnf, Lit y, const std::vector<Lit>& xs,
                                           const std::vector<int64_t>& ws, int64_t T,
                                           ThresholdEncoding enc, ThresholdSharing* sharing);

// Announces a gate that will be encoded into the CNF of `sharing` later (ThresholdSharing::expect),
// so Auto can spread an adder sum's or a totalizer's cost over every gate that will use it.
void cnf_announce_threshold(ThresholdSharing& sharing, const std::vector<Lit>& xs,
                            const std::vector<int64_t>& ws, int64_t T);

// y <-> a xor b, the 4 clauses.
void cnf_encode_xor(Cnf& cnf, Lit y, Lit a, Lit b);

}  // namespace tc
