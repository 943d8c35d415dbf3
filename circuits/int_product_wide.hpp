// The exact product of n unsigned words in constant depth at any width: int_crt.hpp's
// iterated product (residues modulo small primes, their product through discrete logarithms,
// Hesse, Allender and Barrington 2002) with crt_wide.hpp's reconstruction, whose modulus and
// constants live in GMP and whose last sum is the block adder of float_sum_blocks.hpp. So the
// product may be hundreds of bits wide while every gate's weights stay small (int_iterated_product
// stops near 56 bits, where its column sums' weights leave the IR's bound).
//
// Layers: 1-2 X mod m_j as a function of L_j = sum_i log_g(x_i mod m_j) (crt_product_residue);
// 3 the bits of the CRT terms C_j and the steps [t >= s], one gate each over the L_j steps;
// 4 the word -t M; 5-10 the r + 1 words added modulo 2^W by fsb_add_columns. Depth 10 whatever n
// and the widths. Size: about n sum_j m_j steps at layers 1-2 and r W gates of fan-in about
// n m_j at layer 3, with r ~ W / ln W primes m_j ~ W: polynomial in W = sum_i |x_i|.
#pragma once

#include <vector>

#include "lib/circuit.hpp"

namespace tc {

// The exact product of the operands (unsigned, LSB first, widths >= 1), as sum_i |words[i]| bits
// (LSB first). One operand is returned unchanged; no operand gives {1}. small_modulus (a
// deliberate mistake, for mutants): the largest primes are dropped until M <= the largest
// product, so products wrap modulo M. Throws std::invalid_argument on an empty operand.
Bits int_iterated_product_wide(Circuit& circuit, const std::vector<Bits>& words,
                               bool small_modulus = false);

}  // namespace tc
