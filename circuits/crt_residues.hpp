// Residues modulo small primes as functions of bounded sums: the first layers of every
// Chinese-remainder block (int_crt.hpp, int_product_wide.hpp), in the telescoping style of
// int_arith.hpp. f(S) for a sum S in [lo, hi] is known from the nested steps [S >= v] at the
// points v where f changes; a Boolean function of it is one gate above them
// (fb_select_by_steps), an integer function the linear form f(lo) + sum_v (f(v) - f(v - 1))
// [S >= v], which the next layer's gates read directly.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "circuits/float_blocks.hpp"
#include "lib/circuit.hpp"

namespace tc {

// f(form) for a form whose value lies in [lo, hi]: nested steps and the value on each segment.
struct StepFunction {
  Bits steps;                   // steps[i] = [form >= v_i], v_i increasing
  std::vector<int64_t> values;  // values[c]: f when exactly c steps hold
};

StepFunction crt_steps(Circuit& circuit, const LinearForm& form, int64_t lo, int64_t hi,
                       const std::function<int64_t(int64_t)>& f);
// g(f(form)) as a linear form over the steps (the steps are nested, so the sum telescopes).
LinearForm crt_telescoped(const StepFunction& s, const std::function<int64_t(int64_t)>& g);
// [g(f(form))], one gate above the steps.
Signal crt_predicate(Circuit& circuit, const StepFunction& s,
                     const std::function<bool(int64_t)>& g);

// base^exponent mod m (m >= 1, small enough that m^2 fits int64).
int64_t crt_pow_mod(int64_t base, int64_t exponent, int64_t m);

// S = sum_b word_b (2^b mod m), congruent to the word modulo m.
LinearForm crt_residue_sum(const Bits& word, int64_t m);

// (x_1 ... x_n) mod m for a prime m, as a step function two layers above the words:
//   1  [S_i >= v], S_i = crt_residue_sum(x_i, m), below |x_i| m;
//   2  [L >= v], L = sum_i log_g(x_i mod m), with log 0 := Z = n (m - 2) + 1, larger than any
//      sum of n logarithms, so L >= Z exactly when some x_i == 0 (mod m); then the product's
//      residue is g^(L mod (m - 1)) below Z, else 0.
StepFunction crt_product_residue(Circuit& circuit, const std::vector<Bits>& words, int64_t m);

}  // namespace tc
