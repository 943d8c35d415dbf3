// The discretization construction: equal to its spec (exhaustively at p = 2, N = 1; on random
// inputs above), threshold-only, every mutant caught at every p tested, depth flat in p and N.
#include "circuits/discretize.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <set>
#include <vector>

#include "lib/analysis.hpp"
#include "lib/equivalence.hpp"
#include "lib/float_word.hpp"
#include "lib/simulate.hpp"
#include "specs/discretize.hpp"

namespace tc {
namespace {

Params zoh_params(int p, int N, const std::string& mutant = "", bool euler = false) {
  Params params;
  params.p = p;
  params.N = N;
  params.mutant = mutant;
  if (euler) params.flags.insert("euler");
  return params;
}

// Inputs where the discretization is interesting: delta > 0, a < 0 (Mamba), any b, each a valid
// float with |value| in [2^-5, 2^4), so |Delta a| spans both of phi's branches. Random raw bits
// are mostly invalid encodings and huge or tiny values. Returns the number of lanes where some
// output word differs (64 lanes per round, both circuits simulated bit-parallel).
int differing_samples(const Circuit& a, const Circuit& b, int p, int rounds, uint64_t seed = 1) {
  const FloatFormat f{p, p + 1};
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<int> exponent(std::max<int>(-4 - p, f.emin()),
                                              std::min<int>(2 - p, f.emax()));
  Simulator sa(a), sb(b);
  int differing = 0;
  for (int round = 0; round < rounds; ++round) {
    std::vector<uint64_t> lanes(a.input_nodes().size(), 0);
    for (int lane = 0; lane < 64; ++lane) {
      Assignment in(a.input_nodes().size(), false);
      for (const Word& w : a.input_words()) {
        const uint64_t m = (uint64_t{1} << (p - 1)) | (rng() & ((uint64_t{1} << (p - 1)) - 1));
        const bool negative = w.name[0] == 'a' || (w.name[0] == 'b' && (rng() & 1));
        set_float_input(a, in, w.name, {negative, m, exponent(rng)}, f);
      }
      for (size_t i = 0; i < in.size(); ++i) lanes[i] |= uint64_t{in[i]} << lane;
    }
    sa.run(lanes);
    sb.run(lanes);
    uint64_t diff = 0;
    for (size_t w = 0; w < a.output_words().size(); ++w)
      for (size_t i = 0; i < a.output_words()[w].bits.size(); ++i)
        diff |= sa.value(a.output_words()[w].bits[i]) ^ sb.value(b.output_words()[w].bits[i]);
    differing += __builtin_popcountll(diff);
  }
  return differing;
}

TEST_CASE("discretize construction and spec use the same internal precision p1", "[discretize]") {
  for (int p = 2; p <= 12; ++p) {
    INFO("p = " << p);
    CHECK(discretize_construction_p1(p) == discretize_design(zoh_params(p, 1)).p1);
  }
  CHECK_THROWS(discretize_construction_p1(13));
  CHECK_THROWS(discretize_design(zoh_params(13, 1)));
  CHECK_THROWS(discretize_construction(zoh_params(4, 0)));
}

TEST_CASE("the discretize construction equals its spec on every input at p = 2, N = 1",
          "[discretize]") {
  const Circuit c = discretize_construction(zoh_params(2, 1));
  CHECK(c.is_threshold_only());
  const CompareResult r = compare_by_simulation(c, build_discretize_spec(zoh_params(2, 1)), {});
  CHECK(r.complete);
  CHECK(r.valid_points > 20000);
  CHECK_FALSE(r.difference.has_value());
}

// 2^24 assignments of a 195k-wire circuit: about 20 min of CPU, so not in the default suite.
TEST_CASE("the discretize construction equals its spec on every input at p = 3, N = 1",
          "[.slow][discretize]") {
  const CompareResult r = compare_by_simulation(discretize_construction(zoh_params(3, 1)),
                                                build_discretize_spec(zoh_params(3, 1)), {});
  CHECK(r.complete);
  CHECK_FALSE(r.difference.has_value());
}

TEST_CASE("the euler discretize construction equals its spec on every input at p = 2, N = 1",
          "[discretize]") {
  const Circuit c = discretize_construction(zoh_params(2, 1, "", true));
  CHECK(c.is_threshold_only());
  const CompareResult r =
      compare_by_simulation(c, build_discretize_spec(zoh_params(2, 1, "", true)), {});
  CHECK(r.complete);
  CHECK_FALSE(r.difference.has_value());
}

TEST_CASE("the discretize construction equals its spec on sampled inputs at p = 3, 4 and N = 2",
          "[discretize]") {
  for (int p : {3, 4}) {
    INFO("p = " << p);
    CHECK(differing_samples(discretize_construction(zoh_params(p, 2)),
                            build_discretize_spec(zoh_params(p, 2)), p, 32) == 0);
  }
}

TEST_CASE("every circuit-level discretize mutant differs from the spec at p = 2, 3 and 4",
          "[discretize]") {
  for (int p : {2, 3, 4}) {
    const Circuit spec = build_discretize_spec(zoh_params(p, 1));
    for (const Mutant& m : discretize_mutants()) {
      if (m.lemma_only) continue;
      INFO("p = " << p << ", " << m.name);
      const Circuit c = discretize_construction(zoh_params(p, 1, m.name));
      CHECK(c.is_threshold_only());
      // A sampled difference is a counterexample (both circuits simulated on a valid input).
      CHECK(differing_samples(c, spec, p, 16) > 0);
    }
  }
}

TEST_CASE(
    "check_equivalence refutes every circuit-level mutant at p = 2 with a replayed "
    "counterexample",
    "[discretize]") {
  const Circuit spec = build_discretize_spec(zoh_params(2, 1));
  for (const Mutant& m : discretize_mutants()) {
    if (m.lemma_only) continue;
    INFO(m.name);
    const EquivalenceResult r =
        check_equivalence(discretize_construction(zoh_params(2, 1, m.name)), spec, {});
    CHECK(r.engine == Engine::Sim);
    CHECK(r.verdict == Verdict::Counterexample);
    CHECK(r.counterexample.has_value());
  }
}

TEST_CASE("the discretize construction depth is the same at p = 2..6 and N = 1..4",
          "[discretize][depth]") {
  std::set<int> depths, euler_depths;
  for (int p = 2; p <= 6; ++p)
    depths.insert(analyze(discretize_construction(zoh_params(p, 1))).depth);
  for (int N = 2; N <= 4; ++N)
    depths.insert(analyze(discretize_construction(zoh_params(4, N))).depth);
  for (int p : {2, 6})
    euler_depths.insert(analyze(discretize_construction(zoh_params(p, 2, "", true))).depth);
  CHECK(depths.size() == 1);
  CHECK(euler_depths.size() == 1);
}

}  // namespace
}  // namespace tc
