// The error of selection's delta against the mathematics, measured: delta = softplus_p(round_p(v*))
// where v* = x_t W_delta + b_delta is the exact affine value, against softplus(v*).
//
// The affine rounding is relative (|v - v*| <= 2^-p |v*|), but softplus's condition number
// v sigmoid(v) / softplus(v) is about |v| for v << 0, so no 2^-p-style relative bound holds for
// the composition. What does hold, per input: with a = |v - v*| and S softplus's proved
// end-to-end bound (specs/softplus_lemmas.hpp, on its domain D_p),
//   |delta - softplus(v*)| <= ((1 + S) e^a - 1) softplus(v*),
// because |d/dv ln softplus(v)| = sigmoid(v) / softplus(v) <= 1 (t / (1 + t) <= ln(1 + t) with
// t = e^v), so softplus(v) / softplus(v*) lies in [e^-a, e^a], and delta / softplus(v) in
// [1 - S, 1 + S]. The measurement checks this on every pair (x, b) of p-bit floats with
// W_delta = 1 (v* = x + b: every exact sum of two floats), or on a sample for p >= 5, with
// softplus enclosed by MPFR (160 bits, directed rounding) and delta from softplus_model.
#pragma once

#include <gmpxx.h>

#include <cstdint>
#include <vector>

#include "lib/component.hpp"
#include "lib/float_word.hpp"
#include "lib/lemma.hpp"

namespace tc {

struct SelectionMeasurement {
  bool exhaustive = false;
  uint64_t measured = 0;    // pairs with round_p(v*) in softplus's D_p and softplus(v*) >= min_p
  uint64_t skipped = 0;     // the others (saturation, flushing, underflow)
  uint64_t over_bound = 0;  // pairs above (1 + S) e^a - 1 (must be 0)
  uint64_t above_2_minus_p = 0;  // pairs whose error exceeds 2^-p
  mpq_class worst = 0;           // worst relative error (an upper bound)
  FloatValue worst_x, worst_b;   // where
  mpq_class S;                   // softplus's end-to-end bound used
};

// samples = 0: every pair of valid p-bit floats; otherwise that many random pairs.
SelectionMeasurement selection_measure(int p, uint64_t samples = 0, uint64_t seed = 1);

// The measurement as a LemmaResult of kind Measurement (exhaustive for p <= 4, 256 sampled
// pairs above).
std::vector<LemmaResult> selection_lemmas(const Params& params);

}  // namespace tc
