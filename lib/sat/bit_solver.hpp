// Where the bit obligations of one miter word are answered (lib/sat/miter_obligations.hpp): an
// incremental CaDiCaL instance, a fresh certified solver per bit, or an outside solver through
// files (lib/sat/obligation_exchange.hpp).
#pragma once

#include "lib/cnf/cnf.hpp"
#include "lib/sat/miter_stats.hpp"

namespace tc {

class BitSolver {
 public:
  virtual ~BitSolver() = default;
  virtual void add_proved(Lit differs) = 0;  // a lower bit is equal: a lemma from now on
  // Is "`differs` holds" satisfiable (with the lemmas so far)? Fills ob's files, if any.
  virtual SatAnswer solve(Lit differs, ObligationStats& ob) = 0;
  virtual void after_unsat(ObligationStats& /*ob*/) {}
  virtual bool model_value(Lit l) = 0;  // after SatAnswer::Sat
};

}  // namespace tc
