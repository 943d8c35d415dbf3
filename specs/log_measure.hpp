// The error of the log algorithm measured against MPFR, input by input.
//
// Every valid positive input at p <= 10 (2^(p-1) 2^(p+1) of them: 65,536 at p = 8) is evaluated
// by the fast model (specs/log_model.hpp) and compared with ln x from MPFR at 256 bits: ln x =
// ln m + e ln 2 with ln m tabulated per significand (the cancellation near x = 1 loses at most
// about 2p bits of the 256). Above p = 10 every significand is measured with the exponents whose
// k lies in [-4, 4] and the extreme exponents: a sample, said so in the result. Relative errors
// are compared with the bounds in MPFR (exactly up to its 256-bit rounding of ln x).
#pragma once

#include <gmpxx.h>

#include <cstdint>

#include "lib/float_word.hpp"
#include "specs/log.hpp"

namespace tc {

struct LogMeasurement {
  uint64_t inputs = 0;      // positive inputs measured (x = 1 included)
  bool exhaustive = false;  // every valid positive input of the format
  double worst = 0;         // max |z - ln x| / |ln x| over x != 1
  FloatValue worst_x, worst_z;
  double worst_ln = 0;   // ln of worst_x
  double worst_pre = 0;  // max |L 2^-q - ln x| / |ln x|, before the final rounding
  FloatValue worst_pre_x;
  bool one_exact = true;          // x = 1 gives L = 0 and z = 0
  uint64_t above_end_to_end = 0;  // inputs with relative error > end_to_end_bound()
  uint64_t above_pre = 0;         // inputs with pre-rounding error > pre_rounding_bound()
  uint64_t above_unit = 0;        // inputs with relative error > 2^-p (the paper's claim)
  FloatValue first_above_unit;    // the worst one of those, when any
  double first_above_unit_error = 0;
};

LogMeasurement log_measure(FloatFormat f, const LogDesign& design);

}  // namespace tc
