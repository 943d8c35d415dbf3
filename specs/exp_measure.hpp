// The error of the exp algorithm measured against MPFR, input by input.
//
// For every valid p-bit input x in the domain D_p = {x : min <= e^x <= max} (exhaustive for
// p <= 10, else a sample), the integer model exp_model (specs/exp_algorithm.hpp) gives the result
// z and the unrounded y = Y 2^(k-q); MPFR encloses e^x in [lo, hi] (160 bits, directed rounding),
// and the relative errors |z - e^x| / e^x and |y - e^x| / e^x are bounded from above from the
// enclosure. The worst cases are what exp_lemmas compares with the Z3-proved bounds. Inputs
// outside D_p are counted, not measured: there z saturates to max or flushes to 0 or min, as
// round_p(e^x) does, and no relative error bound is claimed.
#pragma once

#include <gmpxx.h>

#include <cstdint>
#include <string>
#include <vector>

#include "lib/component.hpp"
#include "lib/error_measure.hpp"
#include "lib/float_word.hpp"
#include "specs/exp_algorithm.hpp"

namespace tc {

struct ExpMeasurement {
  bool exhaustive = false;
  uint64_t measured = 0;           // inputs in D_p
  uint64_t outside = 0;            // valid inputs outside D_p
  uint64_t above_2_minus_p = 0;    // inputs in D_p whose final error exceeds 2^-p
  FloatWorstCase final_error;      // |z - e^x| / e^x
  FloatWorstCase algorithm_error;  // |Y 2^(k-q) - e^x| / e^x, before the final rounding
};

// samples = 0: every valid input (2^(2p+1) + 1 of them); otherwise that many inputs drawn with
// exponents in [e_lo - 1, 0] (ExpDesign::e_lo: where the reduction does something), any sign.
ExpMeasurement exp_measure(const ExpDesign& d, FloatFormat f, uint64_t samples = 0,
                           uint64_t seed = 1);

// Lines for `verify eval`: e^x from MPFR, round_p(e^x), and the algorithm's z with its error.
std::vector<std::string> exp_reference(const Params& params,
                                       const std::vector<std::vector<bool>>& inputs);

}  // namespace tc
