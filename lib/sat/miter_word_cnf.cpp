// The CNF of one miter word (see miter_word_cnf.hpp).
#include "lib/sat/miter_word_cnf.hpp"

namespace tc {

MiterWordCnf encode_miter_word(const Circuit& m, const MiterWord& word) {
  MiterWordCnf w;
  for (Signal s : m.constraints()) w.cc.cnf.add_clause({cnf_encode_cone(w.cc, m, {s})[0]});
  w.diff_lits = cnf_encode_cone(w.cc, m, word.diff);
  for (uint32_t n : m.input_nodes())
    w.input_lits.push_back(cnf_encode_cone(w.cc, m, {Signal(n, false)})[0]);
  return w;
}

}  // namespace tc
