// Proving a miter word case by case (Circuit::add_case_split): every value of the split's k bits
// is a case, and the 2^k cases cover every input, so a word equal in each case is equal.
//
// One CaDiCaL instance serves all cases. They are tried from the largest value down (a circuit
// orders its split's bits so that this visits the cases whose clauses help the others first:
// fadd tries its far alignments before its near ones). In each case the word's bits are proved
// least significant first under the case's literals as assumptions, and a bit proved becomes
// the clause "in this case the bit is equal", as a proved bit becomes a unit clause without a
// split. A case that is unsatisfiable without any bit differing is one no input reaches.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "lib/sat/deadline.hpp"
#include "lib/sat/miter_progress.hpp"
#include "lib/sat/miter_stats.hpp"
#include "lib/sat/miter_word_cnf.hpp"

namespace tc {

struct BitObligation {
  std::string name;  // "z[3]"
  Lit differs;       // the bit's difference literal in the word's CNF
};

struct CaseCount {
  int tried = 0;    // cases begun (all of them when the word is proved)
  int reached = 0;  // of those, the cases some input reaches
};

// Solves `bits` in every case of `case_lits` (at most Circuit::kMaxCaseSplitBits literals of
// wc's CNF). true: every bit equal in every case; false: a model, whose first `primary_bits`
// inputs go to st.counterexample; nullopt: the deadline passed. One ObligationStats per bit
// (its seconds summed over the cases, `cases` set) is appended to st.obligations.
std::optional<bool> prove_word_by_cases(const MiterWordCnf& wc, const std::vector<Lit>& case_lits,
                                        const std::vector<BitObligation>& bits, size_t primary_bits,
                                        DeadlineTerminator& terminator,
                                        ObligationProgress& progress, MiterStats& st,
                                        CaseCount& count);

}  // namespace tc
