// The totalizer encoding of a threshold gate [sum_i w_i x_i >= T] with small weights, written into
// a GateSink (lib/gate_sink.hpp): the weighted sum S as a unary count, truncated at a width L >= T.
//
// After Bailleux and Boufkhad, "Efficient CNF Encoding of Boolean Cardinality Constraints" (CP
// 2003), extended to weights by counting each input w_i times (its weight clipped to L): a leaf is
// the unary number (x_i, ..., x_i) of w_i digits, and a balanced binary tree of unary adders
// (GateSink::unary_add) merges the leaves, each node keeping only the digits [count >= 1..L].
// Chosen over a sorting network because truncation at L is free here (a node simply has fewer
// outputs) and leaves of several digits need no padding.
//
// Size: an adder of p and q digits truncated at len combines the digit pairs (i, j) with
// i + j <= len, so the whole counter has about W' x L pairs, W' the weights' sum clipped to L (a
// level of the tree whose nodes hold fewer than L digits costs about W' times their width, a
// level above about W' x L / 2). The interval BDD of the same gate has at most n x L nodes, so a
// totalizer is smaller only where the weights average about 1 (cardinality constraints, 2
// clauses per pair against 4 per BDD node) and much larger otherwise: gates with weights up to
// 2 x fan-in, as --lower-weights leaves them, are about fan-in times larger than their BDDs.
// For weights like 2^20 it is not even counted (kThresholdTotalizerMaxPairs).
//
// The count does not depend on T: gates over the same weighted inputs at thresholds up to L read
// their output off one counter (lib/threshold_encode.hpp shares it, as it shares adder sums).
// In CNF every adder's clauses are those of the totalizer; unit propagation on them is complete
// for the gate (tests/cnf/threshold.cpp checks every partial assignment of small weighted gates:
// a leaf's digits are all one literal, so a bound on a leaf is a value of its input).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <vector>

#include "lib/gate_sink.hpp"
#include "lib/threshold_bdd.hpp"

namespace tc {

// The unary digit pairs one counter may take (ThresholdTotalizerSize::pairs): about two clauses or
// two AND gates each, so about 2M clauses. Past it a forced totalizer throws
// ThresholdTotalizerTooLarge, and Auto does not consider it.
inline constexpr int64_t kThresholdTotalizerMaxPairs = int64_t(1) << 20;

class ThresholdTotalizerTooLarge : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The size of a counter before it is built, for the choice between encodings.
struct ThresholdTotalizerSize {
  int64_t pairs = 0;   // digit pairs (i, j) the unary adders combine: their clauses, upward
  int64_t digits = 0;  // outputs of the unary adders (a variable each in CNF)
  // CNF clauses: each pair gives one clause upward ([A >= i] & [B >= j] -> [A + B >= i + j]) and
  // about one downward; counted exactly, from the same pair counts.
  int64_t clauses = 0;
};

// The size of threshold_totalizer_count(terms, width); saturates (pairs past
// kThresholdTotalizerMaxPairs are not counted further). Weights >= 1, width >= 1.
ThresholdTotalizerSize threshold_totalizer_size(const std::vector<ThresholdTerm>& terms,
                                                int64_t width);

// The unary count of S = sum of the terms' weights over the true literals, truncated at `width`:
// digit k (0-based) is [S >= k + 1], for k < min(width, W'). Weights >= 1; throws
// ThresholdTotalizerTooLarge past kThresholdTotalizerMaxPairs pairs, before building anything.
std::vector<SinkLit> threshold_totalizer_count(GateSink& sink,
                                               const std::vector<ThresholdTerm>& terms,
                                               int64_t width);

}  // namespace tc
