// Tseitin encoding of a circuit's gates into CNF, one gate at a time (lib/cnf/threshold.hpp).
//
// Only the cone of the requested roots is encoded. Its threshold gates are announced to the
// encoder before the first is encoded, so the choice of encoding sees every gate of the cone
// that shares a weighted sum. Each node gets one variable; a complemented
// signal is the negated literal, so negation costs nothing here either.
#pragma once

#include <cstdint>
#include <vector>

#include "lib/circuit.hpp"
#include "lib/cnf/cnf.hpp"
#include "lib/cnf/threshold.hpp"

namespace tc {

// How many threshold gates got each encoding (lib/cnf/threshold.hpp).
struct CircuitCnfCounts {
  int64_t plain = 0, direct = 0, bdd = 0, adder = 0, totalizer = 0;
};

struct CircuitCnf {
  Cnf cnf;
  std::vector<Lit> var_of_node;  // 0 when the node is not encoded
  ThresholdSharing sharing;      // BDD nodes and adder sums shared between the gates
  CircuitCnfCounts counts;       // the encodings the gates got
};

// Encodes the cone of `roots` (adding to what is already encoded) and returns their literals.
// Once the CNF holds more than clause_limit clauses it stops and returns no literals (for callers
// that only ask whether a cone is smaller than some size: a large block need not be encoded whole).
std::vector<Lit> cnf_encode_cone(CircuitCnf& cc, const Circuit& circuit,
                                 const std::vector<Signal>& roots, size_t clause_limit = SIZE_MAX);
Lit cnf_literal(const CircuitCnf& cc, Signal s);  // the node must be encoded

}  // namespace tc
