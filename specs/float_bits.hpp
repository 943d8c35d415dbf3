// Plain word-level logic for the float specs: ripple adders, comparators, shifters, a normalizer.
//
// Specs must be independent of the constructions they check, so they build their arithmetic
// here from textbook parts (full adders of XOR and majority, muxes, barrel shifters) instead of
// reusing circuits/. Nothing here is clever: each helper is the schoolbook circuit, sized for
// obviousness. Words are Bits, least significant bit first; "signed" means two's complement.
#pragma once

#include <cstdint>

#include "lib/circuit.hpp"

namespace tc {

// Bits of an unsigned binary numeral for n >= 0 (0 for n = 0), as an int.
int bits_width_of(int64_t n);

Bits bits_constant(int64_t value, int width);  // low `width` bits of value, two's complement
Bits bits_zero_extend(const Bits& x, int width);
Bits bits_sign_extend(const Bits& x, int width);
Bits bits_slice(const Bits& x, int lo, int hi);  // bits [lo, hi)
Bits bits_concat(const Bits& low, const Bits& high);
Bits bits_not(const Bits& x);

Signal bits_any(Circuit& c, const Bits& x);  // OR of all bits; kFalse for an empty word
Signal bits_equal(Circuit& c, const Bits& a, const Bits& b);
Bits bits_mux(Circuit& c, Signal sel, const Bits& a, const Bits& b);  // sel ? a : b

// a + b + carry_in on equal widths n; n + 1 bits, the carry out on top.
Bits bits_add(Circuit& c, const Bits& a, const Bits& b, Signal carry_in = kFalse);
// a - b modulo 2^n on equal widths n.
Bits bits_sub(Circuit& c, const Bits& a, const Bits& b);
// Unsigned a < b on equal widths.
Signal bits_less(Circuit& c, const Bits& a, const Bits& b);
// Signed a < b on equal widths.
Signal bits_less_signed(Circuit& c, const Bits& a, const Bits& b);
// Unsigned array multiplier: |a| + |b| bits.
Bits bits_mul(Circuit& c, const Bits& a, const Bits& b);

// x << amount (unsigned amount), same width; bits shifted past the top are dropped.
Bits bits_shift_left(Circuit& c, const Bits& x, const Bits& amount);
// x >> amount (unsigned amount), same width; *sticky = OR of the bits shifted out.
Bits bits_shift_right_sticky(Circuit& c, const Bits& x, const Bits& amount, Signal* sticky);

// Shifts x left until its top bit is 1 (x != 0). Returns the shifted word; *shift gets the
// leading-zero count as an unsigned word of bit_width(|x| - 1) bits (unspecified when x = 0).
Bits bits_normalize(Circuit& c, const Bits& x, Bits* shift);

}  // namespace tc
