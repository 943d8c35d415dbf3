// Tests of bit-parallel simulation and simulation-based comparison.
#include "lib/simulate.hpp"

#include <catch2/catch.hpp>
#include <optional>
#include <random>

#include "lib/circuit.hpp"

using namespace tc;

TEST_CASE("bit-sliced threshold evaluation matches a per-lane sum", "[simulate]") {
  std::mt19937_64 rng(3);
  for (int trial = 0; trial < 200; ++trial) {
    Circuit c;
    const int k = 2 + static_cast<int>(rng() % 12);
    Bits x = c.add_input_word("x", k, Decoding::unsigned_int());
    std::vector<int64_t> w(k);
    for (auto& v : w) v = static_cast<int64_t>(rng() % (1u << (rng() % 20))) - 3;
    const int64_t t = static_cast<int64_t>(rng() % 1000) - 100;
    Signal g = c.create_threshold(x, w, t);
    c.add_output_word("y", {g}, Decoding::boolean());
    Simulator sim(c);
    std::vector<uint64_t> lanes(k);
    for (auto& l : lanes) l = rng();
    sim.run(lanes);
    for (int lane = 0; lane < 64; ++lane) {
      int64_t sum = 0;
      for (int i = 0; i < k; ++i) sum += ((lanes[i] >> lane) & 1) ? w[i] : 0;
      REQUIRE(((sim.value(g) >> lane) & 1) == static_cast<uint64_t>(sum >= t));
    }
  }
}

namespace {

// One lane of a circuit evaluated straight from its nodes: each gate's weighted sum in 128 bits,
// no bit slicing, no skipping; the reference for the Simulator's fast paths.
std::vector<bool> evaluate_lane(const Circuit& c, const std::vector<uint64_t>& lanes, int lane) {
  std::vector<bool> value(c.num_nodes(), false);
  for (size_t i = 0; i < c.input_nodes().size(); ++i)
    value[c.input_nodes()[i]] = (lanes[i] >> lane) & 1;
  auto signal = [&](Signal s) { return value[s.node()] != s.complemented(); };
  for (uint32_t n = 1; n < c.num_nodes(); ++n) {
    const Node& node = c.node(n);
    if (node.kind == NodeKind::Xor) value[n] = signal(node.fanins[0]) != signal(node.fanins[1]);
    if (node.kind != NodeKind::Threshold) continue;
    __int128 sum = 0;
    for (size_t i = 0; i < node.fanins.size(); ++i)
      if (signal(node.fanins[i])) sum += node.weights[i];
    value[n] = sum >= node.threshold;
  }
  return value;
}

}  // namespace

// Random circuits of wide, heavy gates over earlier gates (complemented or not), XORs, and
// inputs that are 0 or 1 in every lane as well as mixed ones, so that every path of the
// Simulator (skipped fanins, fanins that lower the threshold, the carry-save counter, AND, OR)
// is compared with the straightforward evaluation.
TEST_CASE("simulation of random circuits matches a straightforward per-lane evaluation",
          "[simulate]") {
  std::mt19937_64 rng(11);
  for (int trial = 0; trial < 60; ++trial) {
    Circuit c;
    const int n = 4 + static_cast<int>(rng() % 12);
    const Bits x = c.add_input_word("x", n, Decoding::unsigned_int());
    std::vector<Signal> pool(x.begin(), x.end());
    for (int g = 0; g < 40; ++g) {
      if (rng() % 8 == 0) {
        pool.push_back(c.create_xor(pool[rng() % pool.size()], pool[rng() % pool.size()]));
        continue;
      }
      const int k = 1 + static_cast<int>(rng() % 80);
      std::vector<Signal> fanins;
      std::vector<int64_t> weights;
      const int max_bits = static_cast<int>(rng() % 50);  // unit weights up to 2^49
      for (int i = 0; i < k; ++i) {
        fanins.push_back(pool[rng() % pool.size()] ^ (rng() % 2 == 0));
        const int64_t magnitude = static_cast<int64_t>(rng() % (uint64_t{1} << max_bits)) + 1;
        weights.push_back(rng() % 4 == 0 ? -magnitude : magnitude);
      }
      int64_t total = 0;
      for (int64_t w : weights) total += w < 0 ? -w : w;
      const int64_t threshold =
          static_cast<int64_t>(rng() % static_cast<uint64_t>(2 * total + 1)) - total / 2;
      pool.push_back(c.create_threshold(fanins, weights, threshold));
    }
    Bits out(pool.end() - 30, pool.end());
    c.add_output_word("y", out, Decoding::unsigned_int());
    Simulator sim(c);
    BasicSimulator<4> wide(c);  // four words per node: a fanin may be constant in some only
    auto draw = [&] {
      const uint64_t kind = rng() % 4;
      return kind == 0 ? 0 : kind == 1 ? ~0ull : rng();
    };
    for (int round = 0; round < 4; ++round) {
      std::vector<uint64_t> lanes(n), wide_lanes(4 * n);
      for (auto& l : lanes) l = draw();
      for (auto& l : wide_lanes) l = draw();
      sim.run(lanes);
      wide.run(wide_lanes);
      for (int word = -1; word < 4; ++word) {  // -1: the 64-lane simulator
        std::vector<uint64_t> these = lanes;
        for (int i = 0; word >= 0 && i < n; ++i) these[i] = wide_lanes[4 * i + word];
        for (int lane = 0; lane < 64; ++lane) {
          const std::vector<bool> reference = evaluate_lane(c, these, lane);
          for (Signal s : out) {
            INFO("trial " << trial << " round " << round << " word " << word << " lane " << lane
                          << " node " << s.node());
            const uint64_t got = word < 0 ? sim.value(s) : wide.value(s, word);
            REQUIRE(((got >> lane) & 1) ==
                    static_cast<uint64_t>(reference[s.node()] != s.complemented()));
          }
        }
      }
    }
  }
}

// Gates that read one weighted sum at different thresholds share the sum's evaluation within a
// run (lib/simulate.hpp, SharedSum); each must still see its own run's inputs, also when only the
// constraints' gates run and the sum's first reader lies outside their cone.
TEST_CASE("gates over one weighted sum share it and see each run's own inputs", "[simulate]") {
  std::mt19937_64 rng(5);
  for (int trial = 0; trial < 40; ++trial) {
    Circuit c;
    const int n = 6 + static_cast<int>(rng() % 10);
    const Bits x = c.add_input_word("x", n, Decoding::unsigned_int());
    std::vector<int64_t> weights;
    for (int i = 0; i < n; ++i) weights.push_back(static_cast<int64_t>(rng() % 1000) + 1);
    int64_t total = 0;
    for (int64_t w : weights) total += w;
    Bits readers;  // [S >= t_k] for a few t_k over one sum S
    for (int k = 0; k < 5; ++k)
      readers.push_back(
          c.create_threshold(x, weights, 1 + static_cast<int64_t>(rng() % uint64_t(total))));
    c.add_output_word("y", readers, Decoding::unsigned_int());
    c.add_constraint(readers.back());  // the last reader only: the first is outside its cone
    Simulator sim(c);
    for (int round = 0; round < 6; ++round) {
      std::vector<uint64_t> lanes(n);
      for (auto& l : lanes) l = rng() % 5 == 0 ? ~0ull : rng();
      uint64_t valid_expected = 0;
      for (int lane = 0; lane < 64; ++lane)
        valid_expected |= uint64_t(evaluate_lane(c, lanes, lane)[readers.back().node()] !=
                                   readers.back().complemented())
                          << lane;
      INFO("trial " << trial << " round " << round);
      if (round % 2) {
        sim.run_constraints(lanes);
        REQUIRE(sim.valid_lanes() == valid_expected);
        continue;
      }
      sim.run(lanes);
      for (int lane = 0; lane < 64; ++lane) {
        const std::vector<bool> reference = evaluate_lane(c, lanes, lane);
        for (Signal r : readers)
          REQUIRE(((sim.value(r) >> lane) & 1) ==
                  static_cast<uint64_t>(reference[r.node()] != r.complemented()));
      }
    }
  }
}

namespace {

// 3-bit "x + 1 mod 8" written two ways; `broken` flips one carry.
Circuit increment(bool broken) {
  Circuit c(broken ? "broken" : "increment");
  Bits x = c.add_input_word("x", 3, Decoding::unsigned_int());
  Signal c1 = x[0];
  Signal c2 = c.create_and(x[0], x[1]);
  if (broken) c2 = x[1];
  c.add_output_word("y", {!x[0], c.create_xor(x[1], c1), c.create_xor(x[2], c2)},
                    Decoding::unsigned_int());
  return c;
}

}  // namespace

TEST_CASE("exhaustive comparison proves equal circuits and finds a difference", "[simulate]") {
  CompareResult same = compare_by_simulation(increment(false), increment(false), {});
  CHECK(same.complete);
  CHECK_FALSE(same.difference);
  CHECK(same.valid_points == 8);
  CompareResult diff = compare_by_simulation(increment(false), increment(true), {});
  REQUIRE(diff.difference);
  // x1 = 1, x0 = 0 is where the broken carry fires wrongly.
  CHECK((*diff.difference)[1]);
  CHECK_FALSE((*diff.difference)[0]);
}

TEST_CASE("constraints exclude invalid inputs from comparison", "[simulate]") {
  Circuit a("a"), b("b");
  for (Circuit* c : {&a, &b}) {
    Bits x = c->add_input_word("x", 2, Decoding::unsigned_int());
    c->add_constraint(!x[1]);  // only x < 2 is valid
    c->add_output_word("y", {c == &a ? x[0] : c->create_or(x[0], x[1])}, Decoding::boolean());
  }
  CompareResult r = compare_by_simulation(a, b, {});
  CHECK_FALSE(r.difference);
  CHECK(r.valid_points == 2);
}

TEST_CASE("rounds without a valid input are skipped, the valid ones all compared", "[simulate]") {
  // 10 input bits: lanes vary the low 6, rounds the high 4. Valid: x = 0 or x[9] = 1 (a
  // normalized significand), so most rounds hold no valid lane. The two circuits differ at one
  // valid input only (x = 1023, in the last round), or (differ_invalid) only at invalid ones.
  auto make = [](bool differ_valid, bool differ_invalid) {
    Circuit c("c");
    const Bits x = c.add_input_word("x", 10, Decoding::unsigned_int());
    c.add_constraint(c.create_or(x[9], !c.create_or(Bits(x.begin(), x.end() - 1))));
    Signal y = x[0];
    if (differ_valid) y = c.create_xor(y, c.create_and(x));
    if (differ_invalid) y = c.create_xor(y, c.create_and(!x[9], x[8]));
    c.add_output_word("y", {y}, Decoding::boolean());
    return c;
  };
  const CompareResult same = compare_by_simulation(make(false, false), make(false, true), {});
  CHECK(same.complete);
  CHECK_FALSE(same.difference);
  CHECK(same.valid_points == 513);  // 2^9 normalized values and zero
  const CompareResult diff = compare_by_simulation(make(false, false), make(true, false), {});
  REQUIRE(diff.difference);
  CHECK(*diff.difference == Assignment(10, true));
}

TEST_CASE("enumeration on several threads gives the one-thread result", "[simulate]") {
  // 18 input bits: a thousand rounds or more, handed out to the threads in chunks. Valid: x[17]
  // (half the inputs; the one input validity turns on is enumerated last, as in input order). The
  // broken circuit differs at two valid inputs in different rounds; the first in enumeration order
  // is the one reported, found first or not.
  const uint64_t first = (uint64_t{3000} << 6) + 5, second = (uint64_t{3500} << 6) + 1;
  auto make = [&](bool broken) {
    Circuit c("c");
    const Bits x = c.add_input_word("x", 18, Decoding::unsigned_int());
    c.add_constraint(x[17]);
    auto equals = [&](uint64_t v) {
      Bits lits;
      for (int i = 0; i < 18; ++i) lits.push_back(((v >> i) & 1) ? x[i] : !x[i]);
      return c.create_and(lits);
    };
    Signal y = c.create_xor(x[0], x[7]);
    if (broken) y = c.create_xor(y, c.create_or(equals(first), equals(second)));
    const Signal many = c.create_threshold(x, std::vector<int64_t>(18, 1), 9);  // reads every bit
    c.add_output_word("y", {y, many}, Decoding::unsigned_int());
    return c;
  };
  Assignment expected(18);
  for (int i = 0; i < 18; ++i) expected[i] = (first >> i) & 1;
  const auto valid_below = [](uint64_t end) {
    uint64_t valid = 0;
    for (uint64_t v = 0; v < end; ++v) valid += (v >> 17) & 1;
    return valid;
  };
  std::optional<uint64_t> one_thread_count;
  for (int threads : {1, 2, 3}) {
    CAPTURE(threads);
    CompareParams params;
    params.threads = threads;
    const CompareResult same = compare_by_simulation(make(false), make(false), params);
    CHECK(same.complete);
    CHECK_FALSE(same.difference);
    CHECK(same.valid_points == (1u << 17));
    const CompareResult diff = compare_by_simulation(make(false), make(true), params);
    CHECK_FALSE(diff.complete);
    REQUIRE(diff.difference);
    CHECK(*diff.difference == expected);
    // The valid points of the rounds up to the difference's (a round is at most 256 lanes), the
    // same on every thread count.
    CHECK(diff.valid_points > valid_below(first));
    CHECK(diff.valid_points <= valid_below(first + 256));
    if (!one_thread_count) one_thread_count = diff.valid_points;
    CHECK(diff.valid_points == *one_thread_count);
  }
}

TEST_CASE("mismatched interfaces are rejected by name", "[simulate]") {
  Circuit a("a"), b("b");
  a.add_input_word("x", 2, Decoding::unsigned_int());
  b.add_input_word("z", 2, Decoding::unsigned_int());
  CHECK_THROWS_WITH(compare_by_simulation(a, b, {}), Catch::Contains("input word 'x'"));
}
