// Integer powers y^2 .. y^k in constant depth at any width: the Chinese remaindering of
// int_crt.hpp (Hesse, Allender and Barrington 2002) with crt_wide.hpp's reconstruction (the
// modulus M and the CRT constants in GMP, the last sum by the block adder of
// float_sum_blocks.hpp), so the result may be hundreds of bits wide while every gate's weights
// stay small (int_power stops near 56 bits).
//
// The base is given by cases: y is the value of cases[c].value when cases[c].when holds, and
// exactly one case holds on every input (one case with when = kTrue is a plain linear form).
// Layers: 1 the steps [S_c >= v] of each residue sum S_c == y (mod m); 2 the one-hot residues
// [y mod m = u] (one gate over the steps, the case folded in); 3 the bits of the CRT terms
// C_j(y^i mod m_j) (ORs of the one-hots) and the steps [t >= s] of t = floor(sum_j C_j / M);
// 4 the word -t M; 5-10 the r + 1 words added modulo 2^W by fsb_add_columns. Depth 10 whatever k
// and the width.
// Size: about 2 w sum_j m_j step gates (w the base's terms) and r W OR gates per power, with
// r ~ W / log W primes of size ~ W: polynomial in W = k * bits(y_max).
#pragma once

#include <cstdint>
#include <vector>

#include "circuits/float_blocks.hpp"
#include "lib/circuit.hpp"

namespace tc {

struct PowerBaseCase {
  LinearForm value;  // nonnegative whenever `when` holds
  Signal when = kTrue;
};

// powers[i] = y^i (LSB first, bit_width(y_max^i) bits) for i = 2..k; powers[0], powers[1] are
// left empty. y_max bounds y (y_max >= 1). small_modulus (a deliberate mistake, for mutants):
// the largest primes are dropped from each power's modulus until M <= y_max^i, so the largest
// powers wrap modulo M. Throws std::invalid_argument on an empty case list or k < 2.
std::vector<Bits> int_powers_wide(Circuit& circuit, const std::vector<PowerBaseCase>& cases,
                                  int64_t y_max, int k, bool small_modulus = false);

}  // namespace tc
