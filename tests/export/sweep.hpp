// Shared by the export, proof and Z3 tests, which sweep every registered component at small p:
// the parameters to build it with, and which components and mutants the bit-level sweeps cover.
// Float components get 3 exponent bits instead of the default p + 1: exponent differences still
// reach 7 > p + 1 at p <= 4, so every alignment case stays reachable, and the input space (and
// the SAT, Z3 and ABC time on fadd) shrinks several-fold. Components with a variable number of
// operands take their default number, capped at three (two would hide order-of-rounding
// mistakes such as fsum's rounded chain; more make the plain miters of multipliers slow).
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "lib/component.hpp"
#include "lib/sat/compositional.hpp"
#include "tests/support/replay.hpp"

namespace tc {

inline Params sweep_params(const Component& comp, int p, const std::string& mutant = "") {
  Params ps = comp.defaults();
  ps.p = std::clamp(p, comp.p_spec().min, comp.p_spec().max);
  if (comp.takes("e")) ps.e = 3;
  if (const ParamSpec* n = comp.param("n"))
    ps.n = std::clamp(std::min(n->default_value, 3), n->min, n->max);
  ps.mutant = mutant;
  // A mutant that shows only under some options (fdiv's thermometer-not-one-hot: --thermometer).
  for (const Mutant& m : comp.mutants)
    if (m.name == mutant && !m.shows_with.empty()) test::apply_options(comp, ps, m.shows_with);
  return ps;
}

// The sweeps through SAT, Z3, ABC and AIGER expand every threshold gate of the whole miter into
// clauses or AND gates. Components whose spec declares blocks (exp: range reduction and series;
// silu, softplus and the SSM parts: their float operations; lib/sat/compositional.hpp) are
// proved by SAT block by block in their own tests; the whole miter is the slow path there (exp at
// p = 4: about 20 s of plain SAT, over a minute of certified SAT; 25 s of CPU added to the Z3
// sweep at p = 3; silu: gates of fan-in 459 over few inputs), so these sweeps leave them out.
inline bool bit_level_sweep_covers(const Component& comp) {
  return !has_block_cuts(comp.spec(sweep_params(comp, 4)));
}

// Components whose equivalence proof needs cut points: their plain miters compare structurally
// different multi-operand multipliers (fprod's Chinese remaindering against array multipliers,
// matmul's 2 x 2 entries), which take minutes for SAT or ABC without the shared block. The
// plain-miter sweeps check only their mutants (a difference is found quickly); their proofs are
// in their own tests, through verify, with the cut points.
inline bool plain_miter_practical(const Component& comp) { return comp.plain_miter_practical; }

// Mutants that change the circuit (lemma-only mutants build the correct circuit on purpose).
inline std::vector<Mutant> circuit_mutants(const Component& comp) {
  std::vector<Mutant> out;
  for (const Mutant& m : comp.mutants)
    if (!m.lemma_only) out.push_back(m);
  return out;
}

}  // namespace tc
