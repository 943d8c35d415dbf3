// Tests of the log construction and of the short-word-function block it is built on: equal to
// the spec on every input at p = 3..5, threshold-only, depth flat in p, circuit-level mutants
// differ from the spec, lemma-level mutants leave the circuit alone, and both layers use the
// same design constants.
#include "circuits/log.hpp"

#include <catch2/catch.hpp>
#include <random>
#include <set>

#include "circuits/short_word_function.hpp"
#include "lib/analysis.hpp"
#include "lib/simulate.hpp"
#include "specs/log.hpp"

using namespace tc;

namespace {

Params log_params(int p, const std::string& mutant = "", bool tabulated = false) {
  Params params;
  params.p = p;
  params.mutant = mutant;
  if (tabulated) params.flags.insert("tabulated");
  return params;
}

}  // namespace

TEST_CASE("a function of a short word is a thermometer and one gate per output bit", "[log][swf]") {
  std::mt19937_64 rng(7);
  for (int n : {1, 3, 5}) {
    Circuit c("swf");
    const Bits word = c.add_input_word("w", n, Decoding::unsigned_int());
    const ShortWord w = swf_thermometer(c, word);
    CHECK(w.steps.size() == (size_t{1} << n) - 1);
    std::vector<int64_t> table(size_t{1} << n);
    for (auto& v : table) v = static_cast<int64_t>(rng() % 200) - 100;  // signed, 8 bits suffice
    std::vector<bool> odd(table.size());
    for (size_t v = 0; v < table.size(); ++v) odd[v] = table[v] & 1;
    c.add_output_word("f", swf_function(c, w, table, 8), Decoding::signed_int());
    c.add_output_word("odd", {swf_predicate(c, w, odd)}, Decoding::boolean());
    CHECK(c.is_threshold_only());
    CHECK(analyze(c).depth <= 2);
    for (uint64_t v = 0; v < table.size(); ++v) {
      Assignment in(n);
      for (int j = 0; j < n; ++j) in[j] = (v >> j) & 1;
      const auto out = simulate_outputs(c, in);
      int64_t got = 0;
      for (int j = 0; j < 8; ++j) got |= int64_t{out[0][j]} << j;
      if (got >= 128) got -= 256;
      INFO("n = " << n << ", w = " << v);
      CHECK(got == table[v]);
      CHECK(out[1][0] == odd[v]);
    }
  }
}

TEST_CASE("log construction matches its spec on every input at p = 3, 4 and 5", "[log]") {
  for (int p : {3, 4, 5}) {
    INFO("p = " << p);
    const CompareResult r =
        compare_by_simulation(log_construction(log_params(p)), build_log_spec(log_params(p)), {});
    CHECK(r.complete);
    CHECK_FALSE(r.difference.has_value());
    CHECK(r.valid_points > 0);
  }
}

TEST_CASE("log construction and its mutants are threshold-only", "[log]") {
  CHECK(log_construction(log_params(4)).is_threshold_only());
  for (const Mutant& m : log_mutants()) {
    INFO(m.name);
    CHECK(log_construction(log_params(4, m.name)).is_threshold_only());
  }
}

TEST_CASE("the tabulated log construction (flag) matches its spec on every input at p = 3, 4, 5",
          "[log][tabulated]") {
  for (int p : {3, 4, 5}) {
    INFO("p = " << p);
    const CompareResult r = compare_by_simulation(log_construction(log_params(p, "", true)),
                                                  build_log_spec(log_params(p)), {});
    CHECK(r.complete);
    CHECK_FALSE(r.difference.has_value());
  }
}

TEST_CASE("log construction depth is the same at p = 4, 6 and 8; the tabulated one's at 4, 8, 12",
          "[log][depth]") {
  std::set<int> depths, tabulated_depths;
  for (int p : {4, 6, 8}) depths.insert(analyze(log_construction(log_params(p))).depth);
  for (int p : {4, 8, 12})
    tabulated_depths.insert(analyze(log_construction(log_params(p, "", true))).depth);
  CHECK(depths == std::set<int>{23});
  CHECK(tabulated_depths == std::set<int>{11});
}

TEST_CASE(
    "the power mutant builds the iterated-multiplication construction, also when tabulated "
    "is asked",
    "[log][mutant]") {
  CHECK(analyze(log_construction(log_params(4, "power-modulus-short", true))).depth == 23);
  const Circuit spec = build_log_spec(log_params(4));
  CHECK(
      compare_by_simulation(log_construction(log_params(4, "power-modulus-short", true)), spec, {})
          .difference.has_value());
  // Every other circuit-level mutant is refuted in the tabulation as well.
  for (const Mutant& m : log_mutants()) {
    if (m.lemma_only || m.name == "power-modulus-short") continue;
    INFO(m.name);
    CHECK(compare_by_simulation(log_construction(log_params(4, m.name, true)), spec, {})
              .difference.has_value());
  }
}

TEST_CASE("every circuit-level log mutant differs from the spec at p = 4; lemma-level ones do not",
          "[log][mutant]") {
  const Circuit spec = build_log_spec(log_params(4));
  for (const Mutant& m : log_mutants()) {
    INFO(m.name);
    const bool differs = compare_by_simulation(log_construction(log_params(4, m.name)), spec, {})
                             .difference.has_value();
    CHECK(differs == !m.lemma_only);
  }
  CHECK(std::count_if(log_mutants().begin(), log_mutants().end(),
                      [](const Mutant& m) { return !m.lemma_only; }) >= 4);
  CHECK(std::count_if(log_mutants().begin(), log_mutants().end(),
                      [](const Mutant& m) { return m.lemma_only; }) >= 1);
}

TEST_CASE("construction and spec of log use the same design constants", "[log]") {
  for (int p = 2; p <= 12; ++p) {
    INFO("p = " << p);
    CHECK(log_construction_design(p).terms == log_design(p).terms);
    CHECK(log_construction_design(p).frac_bits == log_design(p).frac_bits);
  }
  CHECK(log_design(8).terms == 11);
  CHECK(log_design(8).frac_bits == 24);
}
