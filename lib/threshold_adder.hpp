// The adder-network encoding of a threshold gate [sum_i w_i x_i >= T], written into a GateSink
// (lib/gate_sink.hpp): the weighted sum S in binary, then a comparison of S with the constant T.
//
// As in Een and Sorensson, "Translating Pseudo-Boolean Constraints into SAT" (JSAT 2006), the
// adder network of MiniSat+: column b holds the inputs whose weight has bit b set; full adders
// (three bits of a column to a sum bit there and a carry into the next column) and half adders
// reduce every column to one bit. Its size is linear in the number of weight bits set, whatever
// the weights, where the BDD (lib/threshold_bdd.hpp) can grow with the weights' range. Unlike the
// BDD it is not propagation complete, and the sum does not depend on T: every gate over the same
// weighted inputs reuses it and adds only its own comparator (lib/threshold_encode.hpp).
#pragma once

#include <cstdint>
#include <vector>

#include "lib/gate_sink.hpp"
#include "lib/threshold_bdd.hpp"

namespace tc {

// The bits of S = sum of the terms' weights over the true literals, least significant first;
// columns that are constantly 0 hold sink.constant(false). Weights >= 1, sum below 2^62.
std::vector<SinkLit> threshold_adder_sum(GateSink& sink, const std::vector<ThresholdTerm>& terms);

// [S >= T] for S given by its bits (as above) and a constant T: from the least significant bit
// up, c_b = [S mod 2^(b+1) >= T mod 2^(b+1)], one AND or OR per bit. Constant when T <= 0 or T
// exceeds every value of S.
SinkLit threshold_adder_compare(GateSink& sink, const std::vector<SinkLit>& sum_bits, int64_t T);

// Sizes before building, for the choice between encodings.
struct ThresholdAdderSize {
  int64_t full_adders = 0;
  int64_t half_adders = 0;
  int64_t sum_bits = 0;  // the width of S
};
ThresholdAdderSize threshold_adder_size(const std::vector<ThresholdTerm>& terms);

}  // namespace tc
