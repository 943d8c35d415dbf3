// log: z = ln x by the paper's Taylor algorithm (Chen et al., Lemma 4.1 / B.3), in constant depth
// and polynomial size (the powers by iterated multiplication); params.flag("tabulated") builds
// the exponential-size tabulation instead, smaller at the widths built here (see log.cpp).
#pragma once

#include <vector>

#include "lib/component.hpp"

namespace tc {

// The design constants of the algorithm at precision p (specs/log.hpp restates them
// independently; a test checks that both agree).
struct LogConstructionDesign {
  int terms = 0;      // N, Taylor terms of ln(1 + t)
  int frac_bits = 0;  // q, fractional bits of the fixed-point terms and of ln 2
};
LogConstructionDesign log_construction_design(int p);

Circuit log_construction(const Params& params);  // honours params.mutant
const std::vector<Mutant>& log_mutants();        // circuit-level and lemma-level

}  // namespace tc
