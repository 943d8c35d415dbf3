// The whole equivalence miter as one DIMACS CNF, so any SAT solver can give a second verdict.
//
// Built from build_miter (lib/sat/miter_circuit.hpp) and the gate encodings of
// lib/sat/circuit_cnf.hpp: the input-validity constraints as unit clauses, every difference bit of
// every miter word, and one clause OR-ing all of them. Unlike check_equivalence_sat, which solves
// one obligation per output word, this is a single formula: SAT iff the circuits differ on some
// valid input. The comment header states that and names the variable of every input bit
// ("c input a[0] = 12"), so a model from any solver decodes into an Assignment
// (input_nodes() order) that lib/equivalence.hpp replay_counterexample can check.
#pragma once

#include <ostream>

#include "lib/circuit.hpp"
#include "lib/sat/circuit_cnf.hpp"

namespace tc {

// The size of the CNF written, and the encodings its threshold gates got (lib/cnf/threshold.hpp).
struct MiterCnfSize {
  int64_t variables = 0;
  int64_t clauses = 0;
  CircuitCnfCounts gates;        // threshold gates of both sides, by encoding
  int64_t adder_sums = 0;        // distinct weighted sums the adder-encoded gates share
  int64_t totalizer_counts = 0;  // unary counters the totalizer-encoded gates share
};

MiterCnfSize write_miter_dimacs(std::ostream& out, const Circuit& construction,
                                const Circuit& spec);

}  // namespace tc
