// Compositional equivalence: a composition proved as the sum of its block proofs.
//
// Construction and spec of a composite (silu, the SSM layer, ...) embed their parts as *blocks*:
// cuts declared with a guarantee (Circuit::add_cut(..., block = true), normally through
// compose_embed's block_cut). For each block name that both sides declare, four facts are proved:
//  (1) the two blocks are equivalent wherever both assumptions hold (extracted on their own, so
//      usually by exhaustive simulation over the block's inputs; blocks built alike, e.g. the
//      same float multiplier used twenty times, are proved once);
//  (2) under its assumption, the construction's block meets the guarantee (its float outputs are
//      valid encodings);
//  (3) both sides feed the block equal inputs, and
//  (4) both assumptions hold,
// where (3) and (4) are checked in an *abstract miter*: both circuits imported over shared
// primary inputs, with the outputs of every block replaced by fresh variables shared by the two
// sides, constrained only by the guarantees of the blocks before it (in topological order). The
// checks of block k use only blocks upstream of k, so the argument is an induction over the
// blocks, and replacing a proved block's outputs by anything that meets its guarantee only adds
// behaviours: UNSAT in the abstract miter is UNSAT in the real one. The glue between blocks
// (wiring, resizing, constant operands) and the final outputs are then small SAT obligations.
//
// A satisfying assignment of the abstract miter may be spurious (the free block outputs need not
// be reachable); it is reported only if simulating both real circuits on its primary inputs shows
// a difference. Before all this, a few thousand random valid inputs are simulated, which finds
// most broken constructions at once.
#pragma once

#include <optional>

#include "lib/circuit.hpp"
#include "lib/sat/miter_stats.hpp"

namespace tc {

bool has_block_cuts(const Circuit& circuit);

// true: proved; false: a counterexample (stats->counterexample, already shown by simulation);
// nullopt: no verdict this way (a limit, or an abstract counterexample the circuits do not
// show); the caller then runs the concrete miter. Needs params.prove_cut_block.
std::optional<bool> check_equivalence_by_blocks(const Circuit& construction, const Circuit& spec,
                                                const MiterParams& params, MiterStats& stats);

}  // namespace tc
