// The softplus algorithm as a fast model, and its error measured against MPFR, input by input.
//
// softplus_model runs the algorithm of specs/softplus.hpp with the project's exact evaluators:
// exp_model (specs/exp_algorithm.hpp) and the log integer model LogModel (specs/log_model.hpp)
// at p1, exact_add, exact_div, exact_mul and round_to_float (specs/float_exact.hpp).
// tests/specs/softplus.cpp checks it against the spec circuit by simulation at small p.
// softplus_measure encloses softplus(x) = max(x, 0) + log1p(e^-|x|) with MPFR (160 bits,
// directed rounding) and bounds the relative errors of z (and of w, before the narrowing) from
// above. Inputs are sorted into:
//   D_p        e^-|x| >= min_p1 (exp at p1 does not flush) and min_p <= softplus(x) <= max_p:
//              measured;
//   flushed    x > 0 with e^-x < min_p1: y is 0 or min_p1, l = y, and z must equal x exactly
//              (counted, and checked: z != x is counted as a failure);
//   underflow  x < 0 with softplus(x) < min_p: z is 0 or min_p; no relative bound is claimed.
// softplus(x) > max_p cannot happen in D_p: D_p has |x| < 2^(p1+2) < max_p.
#pragma once

#include <gmpxx.h>

#include <cstdint>
#include <string>
#include <vector>

#include "lib/component.hpp"
#include "lib/error_measure.hpp"
#include "lib/float_word.hpp"
#include "specs/softplus.hpp"

namespace tc {

struct SoftplusTrace {
  FloatValue y, s, d, ln_s, ratio, l, w, z;  // the words of the algorithm (ln_s, ratio: d != 0)
};
SoftplusTrace softplus_model(FloatValue x, const SoftplusDesign& d);

struct SoftplusMeasurement {
  bool exhaustive = false;
  uint64_t measured = 0;            // inputs in D_p
  uint64_t flushed = 0;             // x > 0, e^-x < min_p1
  uint64_t flushed_inexact = 0;     // of those, z != x (must be 0)
  uint64_t underflow = 0;           // softplus(x) < min_p
  uint64_t sterbenz_inexact = 0;    // inputs where d != s - 1 (must be 0)
  uint64_t above_2_minus_p = 0;     // inputs in D_p whose final error exceeds 2^-p
  FloatWorstCase final_error;       // |z - softplus(x)| / softplus(x)
  FloatWorstCase before_narrowing;  // |w - softplus(x)| / softplus(x)
  FloatWorstCase negative_side;     // the final error over x < 0 only
};

// samples = 0: every valid p-bit input; otherwise that many inputs with |x| in
// [2^-(p+3), 2^(p1+2)), any sign.
SoftplusMeasurement softplus_measure(const SoftplusDesign& d, uint64_t samples = 0,
                                     uint64_t seed = 1);

// Lines for `verify eval`: softplus(x) from MPFR, its rounding, the algorithm's z and its error.
std::vector<std::string> softplus_reference(const Params& params,
                                            const std::vector<std::vector<bool>>& inputs);

}  // namespace tc
