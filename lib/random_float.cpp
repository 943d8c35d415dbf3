// Reproducible pseudo-random floats (see random_float.hpp).
#include "lib/random_float.hpp"

#include <algorithm>

namespace tc {

uint64_t splitmix(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

FloatValue random_float(uint64_t r, int p, int64_t e_lo, int64_t e_count) {
  const uint64_t low = uint64_t{1} << (p - 1);
  const uint64_t magnitude = low | (r & (low - 1));
  const int64_t exponent = e_lo + static_cast<int64_t>((r >> 20) % static_cast<uint64_t>(e_count));
  return {static_cast<bool>((r >> 40) & 1), magnitude, exponent};
}

uint64_t FloatSampler::below(uint64_t n) { return bits() % n; }

uint64_t FloatSampler::significand() {
  const uint64_t lead = uint64_t{1} << (f_.p - 1);
  switch (below(8)) {
    case 0:
      return lead;
    case 1:
      return 2 * lead - 1;
    case 2:
      return lead | (uint64_t{1} << below(f_.p - 1));  // leading one plus one bit
    case 3:
      return (2 * lead - 1) & ~(uint64_t{1} << below(f_.p - 1));
    default:
      return lead | below(lead);
  }
}

int64_t FloatSampler::exponent() {
  const uint64_t span = static_cast<uint64_t>(f_.emax() - f_.emin()) + 1;
  int64_t k;
  switch (below(8)) {
    case 0:
      k = f_.emax() - static_cast<int64_t>(below(4));
      break;
    case 1:
      k = f_.emin() + static_cast<int64_t>(below(4));
      break;
    case 2:
      k = -f_.p - 2 + static_cast<int64_t>(below(2 * f_.p + 4));
      break;
    default:
      k = f_.emin() + static_cast<int64_t>(below(span));
      break;
  }
  return std::clamp(k, f_.emin(), f_.emax());
}

FloatValue FloatSampler::any() {
  if (below(20) == 0) return {};
  return {coin(), significand(), exponent()};
}

FloatValue FloatSampler::with_exponent(int64_t k, bool negative) {
  return {negative, significand(), std::clamp(k, f_.emin(), f_.emax())};
}

}  // namespace tc
