// The obligations of a miter (lib/sat/miter_circuit.hpp), solved on CaDiCaL.
//
// Each word gets one CNF (lib/sat/miter_word_cnf.hpp). An integer word's bits are proved least
// significant first, and a bit proved equal enters the later obligations as a unit clause (a
// lemma justified by the earlier obligation), which is what makes arithmetic miters tractable:
// the carries into bit k are known to agree. A float word is one obligation, "some bit differs"
// (its bits are one rounding's, not a carry chain; the reason and the measurements are at
// word_obligations in the .cpp), except in certified and emitted runs, which keep one per bit.
// With a case split (lib/sat/miter_case_split.hpp) every word is proved bit by bit in each case.
// The first SAT answer (a counterexample candidate) or limit ends the run. With a proof directory
// every obligation is solved on a fresh solver and leaves a CNF and a DRAT file
// (lib/sat/obligation_proof.hpp). With params.jobs > 1 the words are solved on that many threads,
// each on its own solver, and merged in word order: the result is the same.
#pragma once

#include <optional>

#include "lib/sat/deadline.hpp"
#include "lib/sat/miter_circuit.hpp"
#include "lib/sat/miter_stats.hpp"

namespace tc {

// true: every bit proved equal; false: a model, whose primary inputs go to stats.counterexample
// (and the word's name to stats.differing_word); nullopt: a limit was hit. Used by
// check_equivalence_sat and the compositional proof.
std::optional<bool> solve_miter_outputs(const Miter& miter, const MiterParams& params,
                                        SatDeadline deadline, MiterStats& stats);

}  // namespace tc
