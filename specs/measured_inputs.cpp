#include "specs/measured_inputs.hpp"

#include "lib/random_float.hpp"
#include "specs/float_exact.hpp"

namespace tc {

void for_each_measured_float(FloatFormat f, bool exhaustive, uint64_t samples, uint64_t seed,
                             int64_t e_lo, int64_t e_count,
                             const std::function<void(const FloatValue&)>& visit) {
  if (exhaustive) {
    for (const FloatValue& x : all_float_values(f)) visit(x);
    return;
  }
  uint64_t state = seed;
  for (uint64_t i = 0; i < samples; ++i) visit(random_float(splitmix(state), f.p, e_lo, e_count));
}

}  // namespace tc
