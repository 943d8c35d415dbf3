// Passing CNF clauses (lib/cnf/cnf.hpp, DIMACS literals) to a CaDiCaL instance: the one loop
// every solver of lib/sat/ is loaded with.
#pragma once

#include <cadical.hpp>
#include <vector>

#include "lib/cnf/cnf.hpp"

namespace tc {

inline void add_clauses(CaDiCaL::Solver& solver, const std::vector<Clause>& clauses) {
  for (const Clause& c : clauses) {
    for (Lit l : c) solver.add(l);
    solver.add(0);
  }
}

}  // namespace tc
