// silu(x) = x / (1 + e^-x) (paper Lemma B.5: "using the division construction"): the algorithm,
// its design constant, and its bit-level spec as a composition of the float specs.
//
// Algorithm, for a p-bit float x (E = p + 1 exponent bits), computed in the wider default format
// F1 = (p1, p1 + 1) with p1 = p + c, c = kSiluGuardBits:
//   x1 = widen(x)                   exact (specs/float_resize.hpp)
//   y  = exp_p1(-x1)                the exp algorithm of specs/exp_algorithm.hpp at p1
//   s  = round_p1(1 + y)            float addition at p1
//   w  = round_p1(x1 / s)           float division at p1 (s >= 1: no division by zero)
//   z  = round_p(w)                 narrowing, one rounding to p bits
// Every step is one of the project's existing float operations, unchanged; c trades circuit
// size (exp and the thermometer division at p1) against the error bound proved by
// specs/silu_lemmas.hpp: about (1 + 3.1 2^-c) 2^-p relative.
// The spec embeds the existing specs (build_exp_spec, build_float_add_spec,
// build_float_div_spec at p1) with lib/compose.hpp, and the construction (circuits/silu.cpp)
// embeds the constructions in the same pattern, so the equivalence proof says "the threshold
// circuit computes this algorithm".
#pragma once

#include "lib/circuit.hpp"
#include "lib/component.hpp"
#include "lib/float_word.hpp"

namespace tc {

inline constexpr int kSiluGuardBits = 3;  // c: p1 = p + c

struct SiluDesign {
  int p = 8;
  int p1 = 11;
  FloatFormat narrow() const { return {p, p + 1}; }
  FloatFormat wide() const { return {p1, p1 + 1}; }
};
// The design at precision p (2 <= p <= 16 - c, so that exp's design exists at p1).
SiluDesign silu_design(int p);

// Input "x", output "z" (floats, p significand bits, p + 1 exponent bits).
Circuit build_silu_spec(const Params& params);

}  // namespace tc
