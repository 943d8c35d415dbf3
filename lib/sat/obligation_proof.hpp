// The certificate of one miter obligation (certified runs, --proof DIR): the obligation's own CNF
// in DIMACS (the word's CNF, the lower bits already proved equal as unit clauses, and "this bit
// differs"), CaDiCaL's DRAT proof beside it, and optionally the in-project DRUP checker's verdict
// on the pair (lib/proof/drup_check.hpp).
#pragma once

#include <string>
#include <vector>

#include "lib/cnf/cnf.hpp"
#include "lib/sat/miter_stats.hpp"

namespace tc {

// DIR/<output bit with every character but letters, digits and '-' replaced by '_'>: the CNF is
// BASE.cnf, the proof BASE.drat.
std::string obligation_file_base(const std::string& proof_dir, const std::string& output);

// The obligation's formula: `word` plus a unit clause -l for each proved lemma l, then {differs}.
Cnf obligation_cnf(const Cnf& word, const std::vector<Lit>& proved, Lit differs);

// Writes `cnf` to ob.cnf_path with comments naming the output bit and the input variables.
void write_obligation_dimacs(const ObligationStats& ob, const Cnf& cnf, bool has_lemmas,
                             const std::vector<Lit>& input_lits);

// Checks ob.proof_path against `cnf` with the DRUP checker and records the result in `ob`;
// throws std::runtime_error when the proof does not certify.
void certify_obligation(ObligationStats& ob, const Cnf& cnf);

}  // namespace tc
