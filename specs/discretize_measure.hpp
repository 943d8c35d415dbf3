// The discretization as a fast model, its error measured against MPFR, and the reference
// evaluator of `verify eval`.
//
// discretize_model runs the algorithm of specs/discretize.hpp (and expm1_ratio_model that of
// specs/expm1_ratio.hpp) with the project's exact evaluators: exp_model (specs/exp_algorithm.hpp)
// at p1, then exact_mul, exact_add, exact_div and round_to_float (specs/float_exact.hpp).
// tests/specs/discretize.cpp checks both against the spec circuits by simulation.
// discretize_measure runs it over the domain of the lemmas, D_p = {delta > 0, a < 0,
// |Delta a| <= Z, b with 2 min_p <= |ZOH| <= max_p / 2}: every pair (delta, a) at p <= 4 (a sample
// of pairs above), each with every significand of b, scaled so that Delta b is in [1, 4) (the
// errors are invariant under scaling b by powers of two in range). MPFR (160 bits, directed
// rounding) encloses e^(Delta a) and phi(Delta a) = expm1(Delta a) / (Delta a) from the exact
// product Delta a, and the relative errors are bounded from above.
#pragma once

#include <gmpxx.h>

#include <cstdint>
#include <string>
#include <vector>

#include "lib/component.hpp"
#include "lib/float_word.hpp"
#include "specs/discretize.hpp"
#include "specs/expm1_ratio.hpp"

namespace tc {

// phi_q(z) by the algorithm of specs/expm1_ratio.hpp.
FloatValue expm1_ratio_model(FloatValue z, const Expm1RatioDesign& d);

struct DiscretizeTrace {
  FloatValue z, y, abar;  // Delta a at p1, exp_p1(z), round_p(y)
  FloatValue phi, t, w;   // phi_p1(z), D phi, t B (all at p1)
  FloatValue bbar;        // round_p(w), or round_p(delta b) with euler
};
DiscretizeTrace discretize_model(FloatValue delta, FloatValue a, FloatValue b,
                                 const DiscretizeDesign& d);

struct DiscretizeWorst {
  mpq_class error = 0;  // an upper bound of the relative error
  FloatValue delta, a, b;
};

struct DiscretizeMeasurement {
  bool exhaustive = false;
  uint64_t pairs = 0;      // (delta, a) in D_p
  uint64_t points = 0;     // (delta, a, b) in D_p
  uint64_t z_inexact = 0;  // pairs where z != Delta a (0 whenever p1 >= 2p)
  uint64_t abar_above_2_minus_p = 0;
  uint64_t bbar_above_2_minus_p = 0;
  DiscretizeWorst abar, phi, bbar;  // vs e^(Delta a), phi(Delta a), (e^(Delta a) - 1)/a b
};
// Z: the bound on |Delta a|. samples = 0: exhaustive over the pairs; else that many pairs.
DiscretizeMeasurement discretize_measure(const DiscretizeDesign& d, const mpq_class& Z,
                                         uint64_t samples = 0, uint64_t seed = 1);

// Lines for `verify eval`: per output word, the exact Delta a, the true e^(Delta a) or ZOH value
// (MPFR), its round_p, the Euler value, the algorithm's result and its relative error.
std::vector<std::string> discretize_reference(const Params& params,
                                              const std::vector<std::vector<bool>>& inputs);

}  // namespace tc
