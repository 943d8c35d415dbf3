// The silu algorithm as a fast model, and its error measured against MPFR, input by input.
//
// silu_model runs the algorithm of specs/silu.hpp with the project's exact evaluators: the
// integer model exp_model (specs/exp_algorithm.hpp) at p1, then exact_add, exact_div and
// round_to_float (specs/float_exact.hpp). tests/specs/silu.cpp checks it against the spec
// circuit by simulation at small p. silu_measure encloses silu(x) = x / (1 + e^-x) with MPFR
// (160 bits, plus -log2 |x| near 0, directed rounding) and bounds the relative errors of z (and
// of w, before the narrowing) from above. Inputs are sorted into:
//   D_p        min_p1 <= e^-x <= max_p1 (exp at p1 neither saturates nor flushes) and
//              |silu(x)| >= min_p (|silu(x)| <= |x| <= max_p always): measured;
//   flushed    e^-x < min_p1 (large positive x): exp gives 0 or min_p1, s = 1, and z must equal x
//              exactly (counted, and checked: z != x is counted as a failure);
//   underflow  the rest with x != 0 (|silu(x)| < min_p, or e^-x > max_p1, which implies it):
//              no relative bound is claimed; z must be 0 or +-min_p (checked);
//   zero       x = 0: z must be 0 (checked).
#pragma once

#include <gmpxx.h>

#include <cstdint>
#include <string>
#include <vector>

#include "lib/component.hpp"
#include "lib/error_measure.hpp"
#include "lib/float_word.hpp"
#include "specs/silu.hpp"

namespace tc {

struct SiluTrace {
  FloatValue y, s, w, z;  // e^-x at p1, 1 + y, x / s, round_p(w)
};
SiluTrace silu_model(FloatValue x, const SiluDesign& d);

struct SiluMeasurement {
  bool exhaustive = false;
  uint64_t measured = 0;            // inputs in D_p
  uint64_t flushed = 0;             // e^-x < min_p1
  uint64_t flushed_inexact = 0;     // of those, z != x (must be 0)
  uint64_t underflow = 0;           // |silu(x)| < min_p
  uint64_t underflow_wrong = 0;     // of those, z neither 0 nor +-min_p (must be 0)
  uint64_t zero_wrong = 0;          // x = 0 with z != 0 (must be 0)
  uint64_t above_2_minus_p = 0;     // inputs in D_p whose final error exceeds 2^-p
  FloatWorstCase final_error;       // |z - silu(x)| / |silu(x)|
  FloatWorstCase before_narrowing;  // |w - silu(x)| / |silu(x)|
};

// samples = 0: every valid p-bit input; otherwise that many inputs with exponents where
// silu is neither flushed nor underflowing, any sign.
SiluMeasurement silu_measure(const SiluDesign& d, uint64_t samples = 0, uint64_t seed = 1);

// Lines for `verify eval`: silu(x) from MPFR, round_p(silu(x)), the algorithm's z and its error.
std::vector<std::string> silu_reference(const Params& params,
                                        const std::vector<std::vector<bool>>& inputs);

}  // namespace tc
