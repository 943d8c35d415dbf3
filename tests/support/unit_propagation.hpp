// Plain unit propagation over a Cnf from a set of assumed literals.  A
// reference implementation for tests and self-checks of encodings (e.g.
// "fixing the inputs of a gate fixes its output", REFERENCE.md section 4),
// written for clarity rather than speed: occurrence lists, no watches,
// rebuilt on every call.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "lib/cnf/cnf.hpp"

namespace tc {

// Assigns the assumptions, then propagates unit clauses to a fixpoint.
// Returns the value of every variable (index = variable, entry 0 unused;
// 1 true, -1 false, 0 unassigned), or nullopt if a clause became false
// (including contradictory assumptions and an empty clause in the formula).
// Variables in assumptions beyond cnf.num_vars are allowed.
std::optional<std::vector<int8_t>> cnf_unit_propagate(const Cnf& cnf,
                                                      const std::vector<Lit>& assumptions);

}  // namespace tc
