// Random threshold gates with small weights, shared by the tests of the totalizer
// (tests/lib/threshold_totalizer.cpp, tests/cnf/threshold_totalizer.cpp) and of the other
// encodings (tests/cnf/threshold_encodings.cpp, which uses TestRng and weight_total only).
#pragma once

#include <cstdint>
#include <random>
#include <vector>

namespace tc::test {

struct TestRng {  // deterministic across standard libraries
  std::mt19937_64 gen;
  explicit TestRng(uint64_t seed) : gen(seed) {}
  int64_t range(int64_t lo, int64_t hi) { return lo + int64_t(gen() % uint64_t(hi - lo + 1)); }
  bool coin() { return gen() & 1; }
};

int64_t weight_total(const std::vector<int64_t>& ws);

// Small-weight families: random 1..4, all equal, 1..2n (as --lower-weights leaves them), and
// mixed with weights far above any T tested (clipped by the encoders).
enum class SmallWeightFamily { Small, Equal, Lowered, Clipped };
inline constexpr SmallWeightFamily kSmallWeightFamilies[] = {
    SmallWeightFamily::Small, SmallWeightFamily::Equal, SmallWeightFamily::Lowered,
    SmallWeightFamily::Clipped};

std::vector<int64_t> small_family_weights(TestRng& rng, size_t n, SmallWeightFamily f);

// 1, W, W - 1, a random one, and for Clipped one below the large weights.
std::vector<int64_t> small_family_thresholds(TestRng& rng, const std::vector<int64_t>& ws,
                                             SmallWeightFamily f);

}  // namespace tc::test
