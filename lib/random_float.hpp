// Reproducible pseudo-random floats, for the sampled checks and measurements of large p.
//
// SplitMix64 gives the same stream on every platform, so a sampled measurement or test reports
// the same worst case each run. random_float draws one normalized float from one random word
// (the error measurements' sampler); FloatSampler biases toward the edges uniform sampling
// rarely hits (the float checks' sampler).
#pragma once

#include <cstdint>

#include "lib/float_word.hpp"

namespace tc {

// SplitMix64: the next number of the stream in state.
uint64_t splitmix(uint64_t& state);

// A normalized p-bit float from one random word r: any sign, exponent in
// [e_lo, e_lo + e_count).
FloatValue random_float(uint64_t r, int p, int64_t e_lo, int64_t e_count);

// Deterministic pseudo-random floats, biased toward the edges uniform sampling rarely hits:
// the zero, exponents near emin, emax and -p, significands 2^(p-1), 2^p - 1 and sparse ones.
class FloatSampler {
 public:
  FloatSampler(FloatFormat f, uint64_t seed) : f_(f), state_(seed) {}
  uint64_t bits() { return splitmix(state_); }
  uint64_t below(uint64_t n);  // uniform in [0, n), n >= 1
  bool coin() { return bits() & 1; }
  uint64_t significand();  // normalized, edge-biased
  int64_t exponent();      // in range, edge-biased
  FloatValue any();        // a valid float, sometimes zero
  // A nonzero float of exponent k clamped into range, random significand.
  FloatValue with_exponent(int64_t k, bool negative);

 private:
  FloatFormat f_;
  uint64_t state_;
};

}  // namespace tc
