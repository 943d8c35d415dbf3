// Shared by the export and Z3 tests, which sweep every registered component at small p: the
// parameters to build it with. Float components get 3 exponent bits instead of the default p + 1:
// exponent differences still reach 7 > p + 1 at p <= 4, so every alignment case stays reachable,
// and the input space (and the SAT, Z3 and ABC time on fadd) shrinks several-fold.
#pragma once

#include <algorithm>
#include <string>

#include "lib/component.hpp"

namespace tc {

inline Params sweep_params(const Component& comp, int p, const std::string& mutant = "") {
  Params ps;
  ps.p = std::clamp(p, comp.p_min, comp.p_max);
  ps.e = comp.uses_e ? 3 : 0;
  ps.mutant = mutant;
  return ps;
}

}  // namespace tc
