// Tests of the miter OPB export (lib/export/miter_opb.hpp): the file is read back as an outside
// reader would (header counts, constraints, the "* input" lines) and its meaning checked by
// enumerating every assignment of a small miter; minisat+ (Debian's pseudo-Boolean solver,
// installed by scripts/install-deps.sh) must find fadd's miter UNSAT and every fadd mutant's SAT
// with a model that replays as a counterexample in the simulator.
#include "lib/export/miter_opb.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "lib/equivalence.hpp"
#include "tests/export/sweep.hpp"
#include "verify/registry.hpp"

using namespace tc;

namespace {

struct OpbFile {
  int64_t header_vars = 0, header_constraints = 0;
  std::vector<std::pair<std::vector<std::pair<int64_t, int>>, int64_t>> constraints;
  std::map<std::string, int> input_var;  // "a[0]" -> variable, from the comments
};

OpbFile opb_read(const std::string& text) {
  OpbFile f;
  std::istringstream lines(text);
  std::string line;
  REQUIRE(std::getline(lines, line));
  REQUIRE(std::sscanf(line.c_str(), "* #variable= %ld #constraint= %ld", &f.header_vars,
                      &f.header_constraints) == 2);
  while (std::getline(lines, line)) {
    if (line.rfind("* input ", 0) == 0) {
      const size_t eq = line.rfind(" = x");
      REQUIRE(eq != std::string::npos);
      f.input_var[line.substr(8, eq - 8)] = std::stoi(line.substr(eq + 4));
      continue;
    }
    if (line.rfind("*", 0) == 0) continue;
    std::istringstream tokens(line);
    std::vector<std::pair<int64_t, int>> terms;
    std::string coef, var;
    for (;;) {
      REQUIRE(tokens >> coef);
      if (coef == ">=") break;
      REQUIRE(tokens >> var);
      REQUIRE(var.size() >= 2);
      REQUIRE(var[0] == 'x');
      const int v = std::stoi(var.substr(1));
      REQUIRE(v >= 1);
      REQUIRE(v <= f.header_vars);
      terms.push_back({std::stoll(coef), v});
    }
    std::string rhs, semicolon;
    REQUIRE(tokens >> rhs >> semicolon);
    REQUIRE(semicolon == ";");
    f.constraints.push_back({terms, std::stoll(rhs)});
  }
  CHECK(int64_t(f.constraints.size()) == f.header_constraints);
  return f;
}

bool opb_satisfied(const OpbFile& f, uint64_t assignment) {  // bit v-1 = x_v
  for (const auto& [terms, rhs] : f.constraints) {
    int64_t sum = 0;
    for (const auto& [coef, v] : terms) sum += ((assignment >> (v - 1)) & 1) ? coef : 0;
    if (sum < rhs) return false;
  }
  return true;
}

// y = [2 a + !b + c >= 2] against a spec that is the same function (or, broken, a + c >= 1).
std::pair<Circuit, Circuit> small_pair(bool broken) {
  Circuit c("weighted"), s("plain");
  Bits a = c.add_input_word("in", 3, Decoding::unsigned_int());
  c.add_output_word("y", {c.create_threshold({a[0], !a[1], a[2]}, {2, 1, 1}, 2)},
                    Decoding::boolean());
  Bits b = s.add_input_word("in", 3, Decoding::unsigned_int());
  const Signal either = s.create_or(b[0], b[2]);
  s.add_output_word("y", {broken ? either : s.create_or(b[0], s.create_and(!b[1], b[2]))},
                    Decoding::boolean());
  return {c, s};
}

std::string run_command(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buf[4096];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
  ::pclose(pipe);
  return out;
}

// minisat+'s answer on `text`: the "s ..." line and, when satisfiable, the true variables.
std::pair<std::string, std::set<int>> minisat_plus(const std::string& text,
                                                   const std::string& tag) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("tc-opb-" + tag + "-" + std::to_string(::getpid()) + ".opb");
  std::ofstream(path) << text;
  const std::string out = run_command("minisat+ '" + path.string() + "' 2>&1");
  std::filesystem::remove(path);
  std::string status;
  std::set<int> true_vars;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("s ", 0) == 0) status = line.substr(2);
    if (line.rfind("v ", 0) != 0) continue;
    std::istringstream lits(line.substr(2));
    for (std::string lit; lits >> lit;)
      if (lit[0] == 'x') true_vars.insert(std::stoi(lit.substr(1)));
  }
  INFO(out);
  REQUIRE(!status.empty());
  return {status, true_vars};
}

}  // namespace

TEST_CASE("the miter OPB reads back and is satisfiable exactly where the circuits differ",
          "[opb]") {
  for (bool broken : {false, true}) {
    INFO((broken ? "broken" : "equal") << " pair");
    const auto [circ, spec] = small_pair(broken);
    std::ostringstream out;
    write_miter_opb(out, circ, spec);
    const OpbFile f = opb_read(out.str());
    REQUIRE(f.input_var.size() == 3);
    REQUIRE(f.header_vars <= 20);
    std::set<uint64_t> differing_inputs;  // as in[0] + 2 in[1] + 4 in[2]
    for (uint64_t a = 0; a < (uint64_t(1) << f.header_vars); ++a) {
      if (!opb_satisfied(f, a)) continue;
      uint64_t input = 0;
      for (int i = 0; i < 3; ++i)
        if ((a >> (f.input_var.at("in[" + std::to_string(i) + "]") - 1)) & 1) input |= 1u << i;
      differing_inputs.insert(input);
    }
    // a + c >= 1 and 2a + !b + c >= 2 differ only at a = 0, b = 1, c = 1.
    CHECK(differing_inputs == (broken ? std::set<uint64_t>{0b110} : std::set<uint64_t>{}));
  }
}

TEST_CASE("minisat+ proves fadd's miter OPB at p = 2 and refutes every mutant's", "[opb]") {
  const Component& fadd = *find_component("fadd");
  const Circuit spec = fadd.spec(sweep_params(fadd, 2));
  {
    std::ostringstream out;
    write_miter_opb(out, fadd.construction(sweep_params(fadd, 2)), spec);
    const OpbFile f = opb_read(out.str());
    CHECK(f.input_var.size() == size_t(spec.num_input_bits()));
    CHECK(minisat_plus(out.str(), "fadd").first == "UNSATISFIABLE");
  }
  for (const Mutant& m : circuit_mutants(fadd)) {
    INFO("mutant " << m.name);
    const Circuit circ = fadd.construction(sweep_params(fadd, 2, m.name));
    std::ostringstream out;
    write_miter_opb(out, circ, spec);
    const OpbFile f = opb_read(out.str());
    const auto [status, true_vars] = minisat_plus(out.str(), m.name);
    REQUIRE(status == "SATISFIABLE");
    Assignment input;
    for (const Word& w : spec.input_words())
      for (size_t i = 0; i < w.bits.size(); ++i)
        input.push_back(true_vars.count(f.input_var.at(w.name + "[" + std::to_string(i) + "]")) >
                        0);
    Counterexample cex;
    REQUIRE_NOTHROW(cex = replay_counterexample(circ, spec, input));
    CHECK_FALSE(cex.differing_words.empty());
  }
}
