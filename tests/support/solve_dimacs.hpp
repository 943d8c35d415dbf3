// CaDiCaL on a DIMACS text, as an outside user runs a solver on our exported CNF files.
#pragma once

#include <string>
#include <vector>

namespace tc::test {

struct DimacsAnswer {
  int result = 0;          // 10 SAT, 20 UNSAT
  std::vector<int> model;  // SAT: model[v] = +v or -v for v = 1..num_vars (model[0] unused)
};

DimacsAnswer solve_dimacs(const std::string& text);

}  // namespace tc::test
