// Iterated integer product and integer powers in constant depth, by Chinese remaindering.
//
// int_iterated_product(words) is the exact product of n unsigned words, int_power(y, k) = y^k:
// the integer cores of iterated float multiplication (paper Lemma 3.12 part 3, Chiang Lemma 11)
// and of Taylor powers. Both follow Hesse, Allender and Barrington (2002): residues modulo small
// primes as one-hot words, the product of residues through discrete logarithms (a power needs no
// logarithm: y^k mod m is a table on y mod m), then CRT reconstruction, whose binary digits are
// telescoping sums. Depth: 5 for the product and 4 for the power, whatever n, k and the widths
// (int_crt.cpp lists the layers). Weights are exponential in the product's width W, as in every
// block here, and int64 limits W: the *_fits functions say whether a width is supported (about
// W <= 56); the builders throw std::invalid_argument otherwise. Past that width,
// int_product_wide.hpp and int_power_wide.hpp rebuild from the same residues with small weights.
#pragma once

#include <vector>

#include "lib/circuit.hpp"

namespace tc {

// The exact product of the operands (unsigned, LSB first, widths >= 1), as sum_i |words[i]| bits
// (LSB first). One operand is returned unchanged; no operand gives {1}. Depth 5 for n >= 2.
Bits int_iterated_product(Circuit& circuit, const std::vector<Bits>& words);

// y^k exactly (unsigned y, k >= 0), k * |y| bits (LSB first); k = 0 gives {1}, k = 1 gives y.
// Depth 4 for k >= 2.
Bits int_power(Circuit& circuit, const Bits& y, int k);

// Whether the builders above support these widths (the CRT weights fit int64).
bool int_iterated_product_fits(const std::vector<int>& widths);
bool int_power_fits(int width, int k);

// A deliberate mistake for mutants: the moduli's product M is too small for the product (the
// largest primes are dropped until M <= the largest product), so results wrap modulo M.
Bits int_iterated_product_small_modulus(Circuit& circuit, const std::vector<Bits>& words);

}  // namespace tc
