// Obligations answered by outside solvers (verify --emit-obligations / --collect): any machine, any
// DRAT-producing solver, untrusted.
//
// Emit writes each obligation as DIR/BASE.cnf (the same formula a certified run solves: the word's
// CNF, the lower bits proved equal as unit clauses, "this bit differs") and goes on as if the bit
// were proved, so that every obligation of the run is written. A worker leaves the solver's
// standard output in BASE.out (the SAT competition's "s ..." and "v ..." lines) and, for UNSAT,
// its DRAT proof in BASE.drat. Collect rebuilds each formula here, so the workers' copies are not
// trusted either: "s UNSATISFIABLE" counts only when the DRUP checker certifies BASE.drat against
// the rebuilt formula, "s SATISFIABLE" only when the "v" model satisfies it (the caller then
// replays the counterexample by simulation). Anything else (no file, no answer, a proof that
// does not check, a model that does not satisfy) is SatAnswer::Unknown with the reason in
// ObligationStats::certificate_message.
#pragma once

#include <memory>

#include "lib/sat/bit_solver.hpp"
#include "lib/sat/miter_stats.hpp"
#include "lib/sat/miter_word_cnf.hpp"

namespace tc {

// params.exchange is Emit or Collect; files go under params.proof_dir.
std::unique_ptr<BitSolver> make_exchange_bit_solver(const MiterParams& params,
                                                    const MiterWordCnf& word);

}  // namespace tc
