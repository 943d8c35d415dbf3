// Random threshold gates with small weights (see small_weight_gates.hpp).
#include "tests/support/small_weight_gates.hpp"

#include <algorithm>

namespace tc::test {

int64_t weight_total(const std::vector<int64_t>& ws) {
  int64_t s = 0;
  for (int64_t w : ws) s += w;
  return s;
}

std::vector<int64_t> small_family_weights(TestRng& rng, size_t n, SmallWeightFamily f) {
  std::vector<int64_t> ws(n);
  const int64_t equal = rng.range(1, 5);
  for (int64_t& w : ws) switch (f) {
      case SmallWeightFamily::Small:
        w = rng.range(1, 4);
        break;
      case SmallWeightFamily::Equal:
        w = equal;
        break;
      case SmallWeightFamily::Lowered:
        w = rng.range(1, 2 * int64_t(n));
        break;
      case SmallWeightFamily::Clipped:  // mostly far above any T tested: clipped to T
        w = rng.coin() ? rng.range(1, 3) : rng.range(1000, int64_t(1) << 40);
        break;
    }
  return ws;
}

std::vector<int64_t> small_family_thresholds(TestRng& rng, const std::vector<int64_t>& ws,
                                             SmallWeightFamily f) {
  const int64_t W = weight_total(ws);
  std::vector<int64_t> ts = {1, W, std::max<int64_t>(1, W - 1), rng.range(1, W)};
  if (f == SmallWeightFamily::Clipped) ts.push_back(std::min<int64_t>(W, rng.range(2, 40)));
  return ts;
}

}  // namespace tc::test
