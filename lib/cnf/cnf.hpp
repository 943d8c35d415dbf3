// CNF formulas in DIMACS numbering.  A literal is a nonzero int: variable
// v >= 1 stands for itself and -v for its negation, exactly as in the DIMACS
// format and the IPASIR / CaDiCaL interfaces, so clauses pass to solvers,
// proof checkers and files without translation.  The encoders in this folder
// (threshold.cpp) append to a Cnf; dimacs.cpp and the tests' unit propagator
// (tests/support/unit_propagation.cpp) read it.
#pragma once

#include <vector>

namespace tc {

using Lit = int;  // DIMACS literal: v >= 1 or -v
using Clause = std::vector<Lit>;

struct Cnf {
  int num_vars = 0;             // variables are 1..num_vars
  std::vector<Clause> clauses;  // in insertion order, not simplified

  // Allocates a fresh variable and returns it (as a positive literal).
  Lit new_var();

  // Appends c unchanged.  Literals must be nonzero; a literal beyond
  // num_vars raises num_vars so the formula stays self-consistent.
  void add_clause(Clause c);
};

}  // namespace tc
