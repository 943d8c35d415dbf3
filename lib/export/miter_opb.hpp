// The whole equivalence miter as one pseudo-Boolean problem in OPB, the format of the
// pseudo-Boolean competition (read by minisat+, RoundingSat, Sat4j), so solvers with
// cutting-planes reasoning can run it on the threshold gates as they are.
//
// Built from build_miter (lib/sat/miter.hpp), like the DIMACS export (miter_cnf.hpp): one variable
// per node of the miter's cones. A threshold gate y <-> [sum w_i l_i >= T] (total weight W) is
// two linear constraints, y -> sum >= T and !y -> sum <= T - 1:
//     sum w_i l_i + T ~y >= T        and        -sum w_i l_i + (W - T + 1) y >= 1 - T,
// with every negated literal ~x written as 1 - x (only plain variables appear, as the strictest
// readers want). An XOR gate is its 4 clauses, the constant node a unit, the input-validity
// constraints units, and the last constraint says some "diff:" bit is true. So the problem is
// satisfiable iff the circuits differ on some valid input; the comment header names the variable
// of every input bit ("* input a[0] = x12").
#pragma once

#include <ostream>

#include "lib/circuit.hpp"

namespace tc {

void write_miter_opb(std::ostream& out, const Circuit& construction, const Circuit& spec);

}  // namespace tc
