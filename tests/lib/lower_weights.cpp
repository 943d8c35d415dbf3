// Weight lowering (lib/lower_weights.hpp): every lowered gate computes its original on every
// assignment, and has only weights below the smallest power of two above the fan-in.
#include "lib/lower_weights.hpp"

#include <bit>
#include <catch2/catch.hpp>
#include <random>

#include "lib/analysis.hpp"
#include "lib/simulate.hpp"

using namespace tc;

namespace {

// The gate and its lowering side by side in one circuit, compared on every assignment.
void check_gate(const std::vector<int64_t>& weights, int64_t threshold) {
  const int n = static_cast<int>(weights.size());
  Circuit c("gate");
  const Bits x = c.add_input_word("x", n, Decoding::unsigned_int());
  const Signal original = c.create_threshold(x, weights, threshold);
  const Signal lowered = build_lowered_threshold(c, x, weights, threshold);
  c.add_output_word("original", {original}, Decoding::boolean());
  c.add_output_word("lowered", {lowered}, Decoding::boolean());
  for (uint64_t a = 0; a < (uint64_t{1} << n); ++a) {
    Assignment in;
    for (int i = 0; i < n; ++i) in.push_back((a >> i) & 1);
    const auto out = simulate_outputs(c, in);
    INFO("weights " << Catch::Detail::stringify(weights) << " threshold " << threshold << " input "
                    << a);
    REQUIRE(out[0] == out[1]);
  }
  // Every gate the lowering built (all but the original) has small weights.
  const int64_t base = int64_t{1} << std::bit_width(static_cast<uint64_t>(n));
  for (uint32_t i = 1; i < c.num_nodes(); ++i) {
    const Node& node = c.node(i);
    if (node.kind != NodeKind::Threshold || i == original.node()) continue;
    for (int64_t w : node.weights) CHECK(w < base);
  }
}

}  // namespace

TEST_CASE("a lowered gate equals its original on every input", "[lower_weights]") {
  check_gate({1, 2, 4, 8, 16, 32, 64, 128}, 100);    // a binary comparison
  check_gate({1, 2, 4, 8, 16, 32, 64, 128}, 255);    // the AND-like top
  check_gate({1, 2, 4, 8, 16, 32, 64, 128}, 1);      // threshold at 1
  check_gate({1000, 1000, 1000, 1000, 1000}, 3000);  // equal large weights
  check_gate({int64_t{1} << 40, 3, 5, (int64_t{1} << 39) + 7}, int64_t{1} << 40);
  check_gate({37, 41, 2, 97, 250, 13}, 221);
  std::mt19937_64 rng(20261206);
  for (int round = 0; round < 60; ++round) {
    const int n = 1 + static_cast<int>(rng() % 10);
    const int bits = 1 + static_cast<int>(rng() % 40);
    std::vector<int64_t> weights;
    int64_t total = 0;
    for (int i = 0; i < n; ++i) {
      weights.push_back(1 + static_cast<int64_t>(rng() % (uint64_t{1} << bits)));
      total += weights.back();
    }
    check_gate(weights, 1 + static_cast<int64_t>(rng() % static_cast<uint64_t>(total)));
  }
}
