// Verifying one component: build both sides, measure them, and (unless stats only) prove them
// equivalent or replay a counterexample.
#pragma once

#include <stdexcept>
#include <string>

#include "lib/equivalence.hpp"
#include "verify/report.hpp"

namespace tc {

// Thrown for bad user input (unknown mutant, parameter out of range): exit code 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Checks p, n, e and the mutant name against the component's registry entry; stats_only: p may
// reach what the entry builds for sizes alone (Component::stats_p_max).
void validate_params(const Component& c, const Params& params, bool stats_only = false);

// Builds one side; a builder's std::invalid_argument (a parameter combination it cannot build,
// e.g. fprod beyond n p = 56) becomes a UsageError.
Circuit build_side(const CircuitBuilder& builder, const Params& params);

// Both sides as verify checks them (a lemma-only mutant changes a design constant that only the
// lemmas see, so it leaves the circuits alone). Built once per command: the exports and the check
// share them.
// With --stats-only past the proof range only the construction is built (sizes are the point
// there, and some specs are exponential references: fsum's at E = p + 1); spec_not_built then
// says why, and exports and --circuit, which need the spec, are refused.
struct Sides {
  Circuit construction, spec;
  std::string spec_not_built;  // empty: the spec is built
};
Sides build_sides(const Component& c, const Params& params, bool stats_only = false);

// `circuit_file` non-empty: that file (verify/user_circuit.hpp) is checked in place of the
// built-in construction, whose statistics the report gives beside the file's. `lower_weights`:
// the construction (or the file's circuit) with its large weights lowered (lib/lower_weights.hpp)
// is measured and checked instead, the original's statistics beside it. `built`: the sides
// build_sides(c, params) gave, if the caller has them already.
Report run_component(const Component& c, const Params& params, bool stats_only,
                     const EquivalenceParams& eq, const std::string& circuit_file = "",
                     bool lower_weights = false, const Sides* built = nullptr);

}  // namespace tc
