// Properties every registered component must have, swept over the registry.
#include "verify/registry.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "lib/analysis.hpp"
#include "lib/simulate.hpp"

using namespace tc;

TEST_CASE("every construction is threshold-only and matches its spec's interface", "[registry]") {
  for (const auto& c : all_components()) {
    Params p = c.defaults();
    p.p = std::clamp(4, c.p_spec().min, c.p_spec().max);
    INFO(c.name);
    Circuit construction = c.construction(p);
    Circuit spec = c.spec(p);
    CHECK(construction.is_threshold_only());
    CHECK_NOTHROW(check_same_interface(construction, spec));
    for (const auto& m : c.mutants) {
      p.mutant = m.name;
      CHECK(c.construction(p).is_threshold_only());
    }
  }
}

TEST_CASE("construction depth is the same at p = 4, 8, 12, 16, 24 and 32 where the paper says so",
          "[registry][depth]") {
  for (const auto& c : all_components()) {
    if (!c.depth_note.empty()) continue;  // documented growth, reported by the CLI instead
    std::set<int> depths;
    // Every p that sizes alone reach (--stats-only), not only the proofs' range.
    for (int p : {4, 8, 12, 16, 24, 32}) {
      if (p < c.p_spec().min || p > c.p_max(c.defaults(), /*stats_only=*/true)) continue;
      Params params = c.defaults();
      params.p = p;
      depths.insert(analyze(c.construction(params)).depth);
    }
    INFO(c.name);
    if (c.p_spec().max < 4) continue;  // no p >= 4 to compare (none today)
    CHECK(depths.size() == 1);
  }
}

TEST_CASE("a pinned depth holds from p = 4 on, for every operand count", "[registry][depth]") {
  int pinned = 0;
  for (const auto& c : all_components()) {
    if (c.depth == 0) continue;
    ++pinned;
    for (int p : {c.p_spec().min, 4, 8, 12, 16}) {
      if (p < c.p_spec().min || p > c.p_spec().max) continue;
      Params params = c.defaults();
      params.p = p;
      const ParamSpec* n = c.param("n");
      for (int count = n ? n->min : params.n; count <= (n ? n->max : params.n); ++count) {
        params.n = count;
        INFO(c.name << " at p = " << p << ", n = " << count);
        const int depth = analyze(c.construction(params)).depth;
        if (p >= 4)
          CHECK(depth == c.depth);
        else
          CHECK(depth <= c.depth);  // tiny widths fold a layer away (int-mul at p = 1)
      }
    }
  }
  CHECK(pinned == 10);  // the integer and the elementary float components, log (default)
}

TEST_CASE("sizes alone stop where each component says, for the reason it gives", "[registry]") {
  // The reach (Component::stats_p_max) is measured: both sides build there, and the next p fails
  // for the stated cause. Weight-bound constructions meet the IR's 2^61 bound; the others refuse
  // in their builders (exp's design, blocks built at p + 3 or p + 4, the aligned SSM sums, the
  // SSM windows' float blocks).
  const std::set<std::string> refused_by_builder = {
      "fdiv",     "exp",         "silu",      "softplus",      "discretize", "scan",
      "conv-ssm", "conv-kernel", "selection", "selective-ssm", "mamba"};
  int weight_bound = 0, refused = 0;
  for (const auto& c : all_components()) {
    if (c.stats_limit.empty()) continue;
    Params params = c.defaults();
    params.p = c.p_max(params, /*stats_only=*/true) + 1;
    INFO(c.name << " at p = " << params.p << ": " << c.stats_limit);
    if (refused_by_builder.count(c.name)) {
      ++refused;
      const auto build_both = [&] {
        return c.construction(params).num_nodes() + c.spec(params).num_nodes();
      };
      CHECK_THROWS_AS(build_both(), std::invalid_argument);
    } else if (c.stats_limit.find("2^61") != std::string::npos) {
      ++weight_bound;
      CHECK_THROWS_AS(c.construction(params), std::overflow_error);
      if (c.name == "log") continue;  // 3.5 GB at its reach, p = 17 (README's size table)
      --params.p;
      const int depth = analyze(c.construction(params)).depth;
      if (c.depth > 0) CHECK(depth == c.depth);
      CHECK_NOTHROW(c.spec(params));
    }
  }
  CHECK(weight_bound == 8);  // int-mul, fadd, fmul, fcmp, matmul, hadamard, log, conv1d
  CHECK(refused == static_cast<int>(refused_by_builder.size()));
}

TEST_CASE("the README's size table states each pinned depth", "[registry][depth]") {
  std::ifstream in(std::string(TC_SOURCE_DIR) + "/README.md");
  REQUIRE(in);
  std::map<std::string, int> rows;  // rows read per pinned component
  bool in_size_table = false;       // other tables (benchmarks) have rows of other columns
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("|", 0) != 0) in_size_table = false;
    if (line.rfind("| component | p | gates | depth |", 0) == 0) in_size_table = true;
    if (!in_size_table) continue;
    // "| fadd | 8 | 2209 | 8 | ..." (component, p, gates, depth) in the size table
    std::vector<std::string> cells;
    std::stringstream row(line);
    for (std::string cell; std::getline(row, cell, '|');) {
      cell.erase(0, cell.find_first_not_of(' '));
      cell.erase(cell.find_last_not_of(' ') + 1);
      cells.push_back(cell);
    }
    if (cells.size() < 8 || !cells[0].empty()) continue;
    const Component* c = find_component(cells[1]);
    if (c == nullptr || c->depth == 0) continue;
    INFO(line);
    CHECK(cells[4] == std::to_string(c->depth));
    ++rows[c->name];
  }
  for (const auto& c : all_components())
    if (c.depth > 0) CHECK(rows[c.name] >= 1);
}

TEST_CASE("component and mutant names are unique", "[registry]") {
  std::set<std::string> names;
  for (const auto& c : all_components()) {
    CHECK(names.insert(c.name).second);
    std::set<std::string> mutants;
    for (const auto& m : c.mutants) CHECK(mutants.insert(m.name).second);
  }
}

TEST_CASE("every construction, mutant and spec keeps the IR's invariants", "[registry][circuit]") {
  for (const auto& c : all_components()) {
    Params p = c.defaults();
    p.p = std::clamp(4, c.p_spec().min, c.p_spec().max);
    INFO(c.name);
    CHECK_NOTHROW(c.construction(p).verify());
    CHECK_NOTHROW(c.spec(p).verify());
    for (const auto& m : c.mutants) {
      p.mutant = m.name;
      INFO(m.name);
      CHECK_NOTHROW(c.construction(p).verify());
    }
  }
}
