// Lowering the weights of threshold gates: every gate whose largest weight is at least 2^b, where
// 2^b is the smallest power of two above its fan-in n, is replaced by a constant-depth circuit of
// gates with weights below 2^b (at most 2n), so that the whole circuit has weights polynomial in
// its fan-in (the step before majority gates, paper Definition 3.5). Exact: the result computes
// the same function, which the harness proves (`verify --lower-weights`).
//
// The construction: split every weight into base-2^b digits, w_i = sum_j 2^(bj) w_ij, so that the
// gate compares S = sum_j 2^(bj) B_j (B_j = sum_i w_ij x_i, a small-weight sum below n 2^b) with
// the threshold T = sum_j 2^(bj) t_j. Let P_k = sum_(j>=k) 2^(b(j-k)) (B_j - t_j). The digits below
// level k move S - T by less than 2^(bk) downwards and by less than n 2^(bk) upwards, so P_k >= 1
// decides "S >= T", P_k <= -n decides "S < T", and only a P_k in the window W = [-(n-1), 0] leaves
// it open; at level 0, S >= T iff P_0 >= 0. Since W is narrower than 2^b, B_k alone fixes which
// P_(k+1) in W and P_k in W could go with it (P_k = 2^b P_(k+1) + B_k - t_k), so "every level above
// k is open" is a conjunction of conditions on two adjacent digit sums, and the gate is
//   OR_k [ levels k+1.. open  AND  P_k >= 1 (>= 0 at k = 0) ],
// with each condition a function of one or two B_j, read off a thermometer [B_j >= a].
// Depth 6 per lowered gate; about 2 L n^2 thermometer gates of fan-in n for L = ceil(log2(T, sum
// w) / b) levels: polynomial, but large for wide gates.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "lib/circuit.hpp"

namespace tc {

struct WeightLowering {
  size_t gates_lowered = 0;  // gates replaced by a small-weight circuit
  size_t gates_kept = 0;     // threshold gates whose weights were small already
};

// [sum_i weights[i] fanins[i] >= threshold] built in `c` from gates whose weights are below the
// smallest power of two above fanins.size() (weights > 0 as in normal form).
Signal build_lowered_threshold(Circuit& c, const std::vector<Signal>& fanins,
                               const std::vector<int64_t>& weights, int64_t threshold);

// A copy of `c` (words, constraints, cuts) with every gate of large weights lowered.
Circuit lower_weights(const Circuit& c, WeightLowering* stats = nullptr);

}  // namespace tc
