// Every circuit mutant of a component at every p of the component's tested range.
//
// A mutant refuted at one width can be equal to the construction at another (a rounded constant
// that happens to round the same, a dropped term too small to show): such a width is a stated
// exception with its reason, and the check requires the harness to PROVE the mutant equal there,
// so an exception cannot hide a mutant that a weaker engine merely failed to catch. Runs in
// process with check_equivalence, the engine choice verify makes, without the lemmas (the CLI
// tests run those).
#pragma once

#include <string>
#include <vector>

#include "lib/component.hpp"

namespace tc::test {

// A width at which a mutant computes exactly what the construction does.
struct EqualAtWidth {
  std::string mutant;
  int p = 0;
  std::string reason;  // why the mistake cannot show at this width
};

struct MutantWidths {
  std::string component;
  int p_min = 0, p_max = 0;  // the tested range, both ends included
  std::vector<EqualAtWidth> equal;
};

// Each circuit-level mutant (lemma-only ones change no circuit) at each p in [p_min, p_max]:
// refuted with a counterexample whose outputs differ when simulated again, or, where listed in
// `equal`, proved equal. Every listed exception must name a mutant of the component and a p in
// the range.
void check_mutants_at_every_width(const MutantWidths& widths);

}  // namespace tc::test
