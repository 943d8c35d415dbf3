// The CNF shared by one miter word's per-bit obligations: the input constraints as unit clauses,
// the cone of the word's difference bits, and a variable for every input bit (so that a model
// covers every input). Encoded in that order, which fixes the variable numbering of the
// obligation files.
#pragma once

#include <vector>

#include "lib/circuit.hpp"
#include "lib/sat/circuit_cnf.hpp"
#include "lib/sat/miter_circuit.hpp"

namespace tc {

struct MiterWordCnf {
  CircuitCnf cc;
  std::vector<Lit> diff_lits;   // diff_lits[k]: bit k of the word differs
  std::vector<Lit> input_lits;  // the miter's input bits, in input order
};

MiterWordCnf encode_miter_word(const Circuit& miter, const MiterWord& word);

}  // namespace tc
