// Cnf container (see cnf.hpp): variable allocation and clause appending.
#include "lib/cnf/cnf.hpp"

#include <cassert>
#include <climits>
#include <cstdlib>
#include <utility>

namespace tc {

Lit Cnf::new_var() { return ++num_vars; }

void Cnf::add_clause(Clause c) {
  for (Lit lit : c) {
    assert(lit != 0 && lit != INT_MIN);
    const int var = std::abs(lit);
    if (var > num_vars) num_vars = var;
  }
  clauses.push_back(std::move(c));
}

}  // namespace tc
