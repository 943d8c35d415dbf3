// Tests of the registered int-* components: each construction equals its spec by exhaustive
// simulation at p = 4 and 6, each mutant differs from it at p = 4 and 8, and each mutant's
// witness input (the counterexample its description predicts) exposes it at every p from 3 to 16.
#include <catch2/catch.hpp>
#include <functional>
#include <map>
#include <string>

#include "lib/simulate.hpp"
#include "verify/registry.hpp"

using namespace tc;

namespace {

const Component& component(const std::string& name) {
  const Component* c = find_component(name);
  REQUIRE(c != nullptr);
  return *c;
}

CompareResult compare(const Circuit& a, const Circuit& b) {
  CompareParams params;
  if (a.num_input_bits() > 24) params.random_rounds = 4096;  // 2^18 random points
  return compare_by_simulation(a, b, params);
}

void check_matches_spec(const std::string& name) {
  const Component& comp = component(name);
  for (int p : {4, 6}) {
    Params params;
    params.p = p;
    INFO(name << " at p = " << p);
    const CompareResult r = compare_by_simulation(comp.construction(params), comp.spec(params), {});
    CHECK(r.complete);
    CHECK_FALSE(r.difference.has_value());
  }
}

void check_mutants_differ(const std::string& name) {
  const Component& comp = component(name);
  REQUIRE(comp.mutants.size() >= 2);
  for (const Mutant& m : comp.mutants)
    for (int p : {4, 8}) {
      Params params;
      params.p = p;
      const Circuit spec = comp.spec(params);
      params.mutant = m.name;
      INFO(name << " mutant " << m.name << " at p = " << p);
      CHECK(compare(comp.construction(params), spec).difference.has_value());
    }
}

// Input word values (in declaration order) at which the mutant's mistake shows, for p >= 3.
using Witness = std::function<std::vector<uint64_t>(int p, int n)>;

const std::map<std::string, Witness>& witnesses() {
  static const std::map<std::string, Witness> table = {
      {"int-cmp/strict-comparison",
       [](int, int) {
         return std::vector<uint64_t>{1, 1};
       }},
      {"int-cmp/top-weight-off-by-one",
       [](int p, int) {
         return std::vector<uint64_t>{1ull << (p - 1), 1ull << (p - 1)};
       }},
      {"int-cmp/dropped-lsb",
       [](int, int) {
         return std::vector<uint64_t>{0, 1};
       }},
      {"int-add/dropped-top-carry",
       [](int p, int) {
         return std::vector<uint64_t>{(1ull << p) - 1, 1};
       }},
      {"int-add/off-by-one-threshold",
       [](int p, int) {
         return std::vector<uint64_t>{(1ull << p) - 1, 0};
       }},
      {"int-add/last-telescoping-sign-flipped",
       [](int, int) {
         return std::vector<uint64_t>{1, 1};
       }},
      {"int-iadd/adjacent-carry-only",
       [](int, int n) {
         std::vector<uint64_t> x(n, 0);
         x[0] = 3, x[1] = 1;  // 3 + 1: the carry into bit 2 starts in column 0
         return x;
       }},
      {"int-iadd/off-by-one-threshold",
       [](int, int n) {
         std::vector<uint64_t> x(n, 0);
         x[0] = 1;
         return x;
       }},
      {"int-iadd/last-telescoping-sign-flipped",
       [](int, int n) { return std::vector<uint64_t>(n, 1); }},  // S_0 reaches its maximum n
      {"int-mul/missing-partial-product",
       [](int p, int) {
         return std::vector<uint64_t>{1ull << (p - 1), 1ull << (p - 1)};
       }},
      {"int-mul/last-row-shifted",
       [](int p, int) {
         return std::vector<uint64_t>{1, 1ull << (p - 1)};
       }},
      {"int-mul/last-telescoping-sign-flipped",
       [](int, int) {
         return std::vector<uint64_t>{1, 1};
       }},
  };
  return table;
}

Assignment assignment_of(const Circuit& c, const std::vector<uint64_t>& values) {
  Assignment input;
  REQUIRE(values.size() == c.input_words().size());
  for (size_t w = 0; w < values.size(); ++w)
    for (size_t b = 0; b < c.input_words()[w].bits.size(); ++b)
      input.push_back((values[w] >> b) & 1);
  return input;
}

}  // namespace

TEST_CASE("int-cmp matches its spec on all inputs at p = 4 and 6", "[int-cmp]") {
  check_matches_spec("int-cmp");
}
TEST_CASE("int-add matches its spec on all inputs at p = 4 and 6", "[int-add]") {
  check_matches_spec("int-add");
}
TEST_CASE("int-iadd matches its spec on all inputs at p = 4 and 6", "[int-iadd]") {
  check_matches_spec("int-iadd");
}
TEST_CASE("int-mul matches its spec on all inputs at p = 4 and 6", "[int-mul]") {
  check_matches_spec("int-mul");
}

TEST_CASE("every int-cmp mutant differs from the spec at p = 4 and 8", "[int-cmp][mutant]") {
  check_mutants_differ("int-cmp");
}
TEST_CASE("every int-add mutant differs from the spec at p = 4 and 8", "[int-add][mutant]") {
  check_mutants_differ("int-add");
}
TEST_CASE("every int-iadd mutant differs from the spec at p = 4 and 8", "[int-iadd][mutant]") {
  check_mutants_differ("int-iadd");
}
TEST_CASE("every int-mul mutant differs from the spec at p = 4 and 8", "[int-mul][mutant]") {
  check_mutants_differ("int-mul");
}

TEST_CASE("every int mutant is exposed by its witness at every p from 3 to 16 and every n",
          "[int-cmp][int-add][int-iadd][int-mul][mutant]") {
  for (const std::string name : {"int-cmp", "int-add", "int-iadd", "int-mul"}) {
    const Component& comp = component(name);
    for (const Mutant& m : comp.mutants) {
      const auto it = witnesses().find(name + "/" + m.name);
      INFO(name << " mutant " << m.name);
      REQUIRE(it != witnesses().end());
      const ParamSpec* n_spec = comp.param("n");
      for (int p = std::max(3, comp.p_spec().min); p <= comp.p_spec().max; ++p)
        for (int n = n_spec ? n_spec->min : 2; n <= (n_spec ? n_spec->max : 2); ++n) {
          Params params;
          params.p = p;
          params.n = n;
          const Circuit spec = comp.spec(params);
          const Circuit correct = comp.construction(params);
          params.mutant = m.name;
          const Circuit mutant = comp.construction(params);
          const Assignment input = assignment_of(spec, it->second(p, n));
          INFO("p = " << p << ", n = " << n);
          CHECK(simulate_outputs(correct, input) == simulate_outputs(spec, input));
          CHECK(simulate_outputs(mutant, input) != simulate_outputs(spec, input));
        }
    }
  }
}
