// The inputs an error measurement of a one-float function visits: every float of the format
// (exhaustive), or a reproducible sample of normalized floats over a band of exponents (large p).
#pragma once

#include <cstdint>
#include <functional>

#include "lib/float_word.hpp"

namespace tc {

// Exhaustive: visit every value of f. Otherwise: `samples` floats drawn by random_float from the
// SplitMix64 stream of `seed`, exponents in [e_lo, e_lo + e_count).
void for_each_measured_float(FloatFormat f, bool exhaustive, uint64_t samples, uint64_t seed,
                             int64_t e_lo, int64_t e_count,
                             const std::function<void(const FloatValue&)>& visit);

}  // namespace tc
