// The totalizer of a threshold gate (see threshold_totalizer.hpp).
#include "lib/threshold_totalizer.hpp"

#include <algorithm>
#include <cassert>
#include <string>

namespace tc {

namespace {

// #{(i, j) : 0 <= i <= p, 0 <= j <= q, i + j <= m}, by inclusion and exclusion over the
// triangle i + j <= m. Arguments up to about 2^21 (the callers' bound), so no overflow.
int64_t totalizer_lattice_points(int64_t p, int64_t q, int64_t m) {
  auto triangle = [](int64_t x) { return x < 0 ? 0 : (x + 1) * (x + 2) / 2; };
  return triangle(m) - triangle(m - p - 1) - triangle(m - q - 1) + triangle(m - p - q - 2);
}

// The tree both the size and the build walk: terms [lo, hi) halved by count, leaves of
// min(w, width) digits, each node truncated at width. Returns the node's number of digits.
int64_t totalizer_walk_size(const std::vector<ThresholdTerm>& terms, size_t lo, size_t hi,
                            int64_t width, ThresholdTotalizerSize& size) {
  if (hi - lo == 1) return std::min(terms[lo].weight, width);
  const size_t mid = lo + (hi - lo) / 2;
  const int64_t p = totalizer_walk_size(terms, lo, mid, width, size);
  const int64_t q = totalizer_walk_size(terms, mid, hi, width, size);
  const int64_t len = std::min(width, p + q);
  // Upward: one clause per pair with 1 <= i + j <= len. Downward: one per m = 1..len and pair
  // with i + j = m - 1.
  const int64_t up = totalizer_lattice_points(p, q, len) - 1;
  const int64_t down = totalizer_lattice_points(p, q, len - 1);
  size.pairs = std::min(size.pairs + up, kThresholdTotalizerMaxPairs + 1);
  size.digits += len;
  size.clauses += up + down;
  return len;
}

std::vector<SinkLit> totalizer_walk_build(GateSink& sink, const std::vector<ThresholdTerm>& terms,
                                          size_t lo, size_t hi, int64_t width) {
  if (hi - lo == 1)
    return std::vector<SinkLit>(size_t(std::min(terms[lo].weight, width)), terms[lo].lit);
  const size_t mid = lo + (hi - lo) / 2;
  const std::vector<SinkLit> a = totalizer_walk_build(sink, terms, lo, mid, width);
  const std::vector<SinkLit> b = totalizer_walk_build(sink, terms, mid, hi, width);
  return sink.unary_add(a, b, size_t(std::min<int64_t>(width, int64_t(a.size() + b.size()))));
}

}  // namespace

ThresholdTotalizerSize threshold_totalizer_size(const std::vector<ThresholdTerm>& terms,
                                                int64_t width) {
  assert(width >= 1 && !terms.empty());
  ThresholdTotalizerSize size;
  // The root alone has min(width, W') digits, each at least one pair: a counter that wide is over
  // the limit whatever its shape, and the lattice counts below stay small.
  int64_t clipped_sum = 0;
  for (const ThresholdTerm& t : terms) {
    assert(t.weight >= 1);
    clipped_sum =
        std::min(clipped_sum + std::min(t.weight, width), kThresholdTotalizerMaxPairs + 1);
  }
  if (std::min(width, clipped_sum) > kThresholdTotalizerMaxPairs) {
    size.pairs = size.digits = size.clauses = kThresholdTotalizerMaxPairs + 1;
    return size;
  }
  totalizer_walk_size(terms, 0, terms.size(), std::min(width, clipped_sum), size);
  return size;
}

std::vector<SinkLit> threshold_totalizer_count(GateSink& sink,
                                               const std::vector<ThresholdTerm>& terms,
                                               int64_t width) {
  const ThresholdTotalizerSize size = threshold_totalizer_size(terms, width);
  if (size.pairs > kThresholdTotalizerMaxPairs)
    throw ThresholdTotalizerTooLarge(
        "threshold totalizer exceeds " + std::to_string(kThresholdTotalizerMaxPairs) +
        " digit pairs for one gate (fan-in " + std::to_string(terms.size()) + ", width " +
        std::to_string(width) + ")");
  return totalizer_walk_build(sink, terms, 0, terms.size(), width);
}

}  // namespace tc
