// Tests of the miter DIMACS export (lib/export/miter_cnf.hpp): the file is read back with the
// DIMACS reader and solved by CaDiCaL, as any outside solver would. Constructions must give
// UNSAT; every mutant gives SAT, and its model, decoded through the "c input" header lines alone,
// must replay as a counterexample in the simulator.
#include "lib/export/miter_cnf.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <sstream>

#include "lib/cnf/dimacs.hpp"
#include "lib/equivalence.hpp"
#include "tests/export/sweep.hpp"
#include "tests/support/solve_dimacs.hpp"
#include "verify/registry.hpp"

using namespace tc;

namespace {

struct Solved {
  int result = 0;                  // 10 SAT, 20 UNSAT
  std::map<std::string, int> var;  // "a[0]" -> variable, from the header
  std::vector<int> model;          // model[v] = +v or -v
};

// Reads the header as an outside user would: "c input <name> = <var>" lines.
Solved solve_with_header(const std::string& text) {
  Solved s;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("c input ", 0) != 0) continue;
    const size_t eq = line.rfind(" = ");
    REQUIRE(eq != std::string::npos);
    s.var[line.substr(8, eq - 8)] = std::stoi(line.substr(eq + 3));
  }
  tc::test::DimacsAnswer answer = tc::test::solve_dimacs(text);
  s.result = answer.result;
  s.model = std::move(answer.model);
  return s;
}

Assignment decode(const Solved& s, const Circuit& c) {
  Assignment a;
  for (const Word& w : c.input_words())
    for (size_t i = 0; i < w.bits.size(); ++i) {
      const auto it = s.var.find(w.name + "[" + std::to_string(i) + "]");
      REQUIRE(it != s.var.end());
      a.push_back(s.model.at(it->second) > 0);
    }
  return a;
}

}  // namespace

TEST_CASE("the miter CNF of every component at p = 4 is UNSAT", "[dimacs]") {
  for (const Component& comp : all_components()) {
    if (!bit_level_sweep_covers(comp)) continue;
    if (!plain_miter_practical(comp)) continue;
    INFO(comp.name);
    const Circuit circ = comp.construction(sweep_params(comp, 4));
    const Circuit spec = comp.spec(sweep_params(comp, 4));
    std::ostringstream out;
    write_miter_dimacs(out, circ, spec);
    const Solved s = solve_with_header(out.str());
    CHECK(s.result == 20);
    CHECK(s.var.size() == static_cast<size_t>(spec.num_input_bits()));
  }
}

TEST_CASE("every mutant's miter CNF at p = 4 is SAT with a model that replays", "[dimacs]") {
  for (const Component& comp : all_components()) {
    if (!bit_level_sweep_covers(comp)) continue;
    for (const Mutant& m : circuit_mutants(comp)) {
      INFO(comp.name << " mutant " << m.name);
      const Circuit circ = comp.construction(sweep_params(comp, 4, m.name));
      const Circuit spec = comp.spec(sweep_params(comp, 4));
      std::ostringstream out;
      write_miter_dimacs(out, circ, spec);
      const Solved s = solve_with_header(out.str());
      REQUIRE(s.result == 10);
      const Assignment input = decode(s, spec);
      Counterexample cex;
      REQUIRE_NOTHROW(cex = replay_counterexample(circ, spec, input));
      CHECK_FALSE(cex.differing_words.empty());
    }
  }
}

TEST_CASE("the DIMACS header states what SAT and UNSAT mean", "[dimacs]") {
  const Component& comp = all_components().front();
  std::ostringstream out;
  write_miter_dimacs(out, comp.construction(sweep_params(comp, 2)),
                     comp.spec(sweep_params(comp, 2)));
  const std::string text = out.str();
  CHECK(text.find("c SAT: the circuits differ") != std::string::npos);
  CHECK(text.find("c UNSAT: the circuits agree") != std::string::npos);
  CHECK(text.find("c differs ") != std::string::npos);
}

TEST_CASE("input constraints are part of the exported miter", "[dimacs]") {
  // y = a0 and y = a0 & !a1 differ only where a1 is set, which the constraint forbids.
  auto make = [](bool with_a1) {
    Circuit c(with_a1 ? "masked" : "plain");
    Bits a = c.add_input_word("a", 2, Decoding::unsigned_int());
    c.add_output_word("y", {with_a1 ? c.create_and(a[0], !a[1]) : a[0]}, Decoding::boolean());
    return c;
  };
  Circuit x = make(true), y = make(false);
  std::ostringstream free_out;
  write_miter_dimacs(free_out, x, y);
  CHECK(solve_with_header(free_out.str()).result == 10);
  y.add_constraint(!y.input_word("a").bits[1]);
  std::ostringstream constrained_out;
  write_miter_dimacs(constrained_out, x, y);
  CHECK(solve_with_header(constrained_out.str()).result == 20);
}
