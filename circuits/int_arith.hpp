// Constant-depth threshold blocks for unsigned integer arithmetic: comparison, addition,
// iterated addition and multiplication, all built on one primitive.
//
// The primitive ("telescoping", REFERENCE.md section 3) computes any Boolean function f of a
// bounded weighted sum S = sum w_i x_i in depth 2: one first-layer gate [S >= t] per point t where
// f changes, then one gate that adds them with alternating signs. Bit k of a multi-operand sum
// depends only on S_k, the sum of all input bits of weight at most 2^k (Siu & Roychowdhury 1992;
// Alon & Bruck 1994), so addition and iterated addition are depth 2 and multiplication (partial
// products first) depth 3, with power-of-two weights below 2^(output width). Comparison is one
// gate with weights +-2^i. The float constructions reuse these blocks on significands and
// exponents.
#pragma once

#include <cstdint>
#include <vector>

#include "lib/circuit.hpp"

namespace tc {

// S = sum_i weights[i] * bits[i] with every weight >= 0.
struct WeightedSum {
  Bits bits;
  std::vector<int64_t> weights;

  void add_term(Signal bit, int64_t weight);
  int64_t max_value() const;  // the value when every bit is 1
};

// A multiset of bits grouped by significance: columns[c] holds the bits of weight 2^c.
using Columns = std::vector<Bits>;

// --- the telescoping primitive ----------------------------------------------------------------
// [S >= threshold]: a single gate (or a constant when the threshold is out of range).
Signal int_at_least(Circuit& circuit, const WeightedSum& sum, int64_t threshold);
// f(S) for the Boolean f with f(0) = value_at_zero that flips exactly at each of change_points
// (strictly increasing, all > 0). Depth 2; one first-layer gate per change point.
Signal int_telescope(Circuit& circuit, const WeightedSum& sum, bool value_at_zero,
                     const std::vector<int64_t>& change_points);
// The points in (0, max_value] where floor(S / 2^k) mod 2 flips: the multiples of 2^k.
std::vector<int64_t> int_bit_change_points(int64_t max_value, int k);
// floor(S / 2^k) mod 2, by int_telescope.
Signal int_bit_of_sum(Circuit& circuit, const WeightedSum& sum, int k);

// --- columns ------------------------------------------------------------------------------------
// The bits of columns lowest..highest (clipped to the columns present), each weighted 2^c.
WeightedSum int_columns_sum(const Columns& columns, int lowest, int highest);
// Operand i's bit c goes to column c.
Columns int_operand_columns(const std::vector<Bits>& operands);
// Partial products a_j AND b_i in column i + j; within a column, in increasing i (row of b).
Columns int_partial_products(Circuit& circuit, const Bits& a, const Bits& b);
// The sum of all column bits, bit_width(maximum sum) bits wide. Depth 2 over the column bits.
Bits int_add_columns(Circuit& circuit, const Columns& columns);

// --- word-level blocks (unsigned, least significant bit first; widths may differ) -------------
// [a >= b]: one gate, weights 2^i on a and -2^i on b. Depth 1.
Signal int_compare_ge(Circuit& circuit, const Bits& a, const Bits& b);
// a + b, max(|a|, |b|) + 1 bits. Depth 2.
Bits int_add(Circuit& circuit, const Bits& a, const Bits& b);
// The sum of all operands, bit_width(sum of the operands' maxima) bits. Depth 2.
Bits int_iterated_add(Circuit& circuit, const std::vector<Bits>& operands);
// a * b, |a| + |b| bits. Depth 3: partial products, then int_add_columns.
Bits int_multiply(Circuit& circuit, const Bits& a, const Bits& b);

}  // namespace tc
