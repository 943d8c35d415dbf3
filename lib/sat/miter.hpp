// SAT-based equivalence checking of a construction against its spec, on CaDiCaL.
//
// Both circuits are imported into one miter circuit over shared inputs, where structural hashing
// merges whatever the two sides build identically (lib/sat/miter_circuit.hpp). Each output word is
// one proof obligation per bit: the cone of that word's difference bits, the input-validity
// constraints as unit clauses, and "this bit differs" (lib/sat/miter_obligations.hpp). UNSAT for
// every bit proves equivalence; a model is a counterexample candidate (replayed by the caller); a
// time or conflict limit gives no verdict. With a proof directory, every obligation's CNF
// (DIMACS) and DRAT proof are written there, and optionally certified by the in-project DRUP
// checker (lib/sat/obligation_proof.hpp). Before the miter is built, cuts both sides declare are
// proved once and shared (lib/sat/cut_sharing.hpp), and a composition of blocks is first tried
// block by block (lib/sat/compositional.hpp).
#pragma once

#include <optional>

#include "lib/circuit.hpp"
#include "lib/sat/miter_circuit.hpp"
#include "lib/sat/miter_stats.hpp"

namespace tc {

// true: equivalent on all valid inputs; false: counterexample in stats; nullopt: limit hit.
// Throws std::runtime_error when a proof fails to certify.
std::optional<bool> check_equivalence_sat(const Circuit& construction, const Circuit& spec,
                                          const MiterParams& params, MiterStats* stats);

}  // namespace tc
