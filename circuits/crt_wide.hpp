// Chinese-remainder reconstruction at any width (Hesse, Allender and Barrington 2002): the
// modulus M and the CRT constants in GMP, the last sum done by the block adder of
// float_sum_blocks.hpp, so the result may be hundreds of bits wide while every gate's weights
// stay small. Shared by the wide powers (int_power_wide.hpp) and the wide iterated product
// (int_product_wide.hpp), which differ only in how they obtain X mod m_j.
//
// With e_j the residue of (M / m_j)^-1 X mod m_j and C_j = (M / m_j) e_j, Y = sum_j C_j = t M + X
// with t = floor(Y / M) < r. A = sum_j floor(2^k e_j / m_j) lies in (2^k Y / M - r, 2^k Y / M].
// If t >= s then A > 2^k s - r, so A >= 2^k s - r + 1; if t <= s - 1 then
// A <= 2^k (s - 1) + 2^k X / M < 2^k s - r + 1 because 2^k (M - x_max) >= r M (the plan picks
// k). So [t >= s] = [A >= 2^k s - r + 1], a gate with weights below 2^k.
// Layers above the residues' own signals (a view's functions are one gate above them):
//   +1  the bits of every C_j, and the steps [t >= s];
//   +2  -t M mod 2^W as one word, each bit one gate over the t steps;
//   +3 .. +8  the r + 1 words added modulo 2^W by fsb_add_columns (narrowest blocks).
#pragma once

#include <gmpxx.h>

#include <cstdint>
#include <functional>
#include <vector>

#include "circuits/float_blocks.hpp"
#include "lib/circuit.hpp"

namespace tc {

struct WideCrtPlan {
  std::vector<int64_t> moduli;  // 2, 3, 5, ...: a prefix of the primes
  mpz_class modulus = 1;        // M
  int k = 0;                    // the scale 2^k of the fractions that find t
};

// Primes until M > x_max and 2^30 (M - x_max) >= r M; k the least scale that works.
// small_modulus (a deliberate mistake, for mutants) then drops the largest primes until
// M <= x_max (k kept), so the largest values wrap modulo M.
WideCrtPlan wide_crt_plan(const mpz_class& x_max, bool small_modulus = false);

// X mod m for one modulus, given so that the reconstruction can read any function of it.
struct ResidueView {
  // [g(X mod m)] as one signal, one layer above the view's signals.
  std::function<Signal(Circuit&, const std::function<bool(int64_t)>& g)> predicate;
  // f(X mod m) as a linear form over the view's signals.
  std::function<LinearForm(const std::function<int64_t(int64_t)>& f)> form;
};

// The low `width` bits of X from residues[j] = X mod plan.moduli[j], X <= the plan's x_max.
Bits wide_crt_reconstruct(Circuit& circuit, const WideCrtPlan& plan,
                          const std::vector<ResidueView>& residues, int width);

}  // namespace tc
