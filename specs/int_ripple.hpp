// Plain, textbook integer arithmetic used as the specs of the int-* components: ripple-carry
// addition, subtract-and-borrow comparison, shift-and-add multiplication and a chain of adders.
//
// These are the schoolbook circuits (full adder = XOR for the sum, majority for the carry), as in
// any logic-design text. They share nothing with the threshold constructions in circuits/: depth
// grows linearly in the width, which is fine for a spec. Words are unsigned, LSB first; widths of
// the two operands may differ (the shorter one is read with leading zeros).
#pragma once

#include <vector>

#include "lib/circuit.hpp"

namespace tc {

// a + b + carry_in, max(|a|, |b|) + 1 bits.
Bits ripple_add(Circuit& circuit, const Bits& a, const Bits& b, Signal carry_in = kFalse);
// [a >= b]: subtract b from a bit by bit; a >= b exactly when no borrow leaves the top.
Signal ripple_ge(Circuit& circuit, const Bits& a, const Bits& b);
// a * b, |a| + |b| bits: for each bit b_i, add (a AND b_i) shifted by i to an accumulator.
Bits ripple_multiply(Circuit& circuit, const Bits& a, const Bits& b);
// x0 + x1 + ... by a chain of ripple adders; each adder widens the result by one bit (for n
// operands of equal width p: p + n - 1 bits; at least 1 bit).
Bits ripple_iterated_add(Circuit& circuit, const std::vector<Bits>& operands);

}  // namespace tc
