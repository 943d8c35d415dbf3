#include "tests/support/solve_dimacs.hpp"

#include <cadical.hpp>
#include <sstream>

#include "lib/cnf/dimacs.hpp"

namespace tc::test {

DimacsAnswer solve_dimacs(const std::string& text) {
  std::istringstream in(text);
  const Cnf cnf = cnf_read_dimacs(in);
  CaDiCaL::Solver solver;
  for (const Clause& c : cnf.clauses) {
    for (Lit l : c) solver.add(l);
    solver.add(0);
  }
  DimacsAnswer answer;
  answer.result = solver.solve();
  if (answer.result == 10) {
    answer.model.assign(static_cast<size_t>(cnf.num_vars) + 1, 0);
    for (int v = 1; v <= cnf.num_vars; ++v) answer.model[static_cast<size_t>(v)] = solver.val(v);
  }
  return answer;
}

}  // namespace tc::test
