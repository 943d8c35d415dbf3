// Cut sharing for the concrete miter (lib/sat/cut_points.hpp explains the idea): each cut both
// circuits declare over the same miter signals is proved once, by MiterParams::prove_cut_block,
// and then shared by the two sides of the miter (build_miter).
#pragma once

#include <vector>

#include "lib/circuit.hpp"
#include "lib/sat/miter_stats.hpp"

namespace tc {

// The cuts proved and shareable, also appended to stats.shared_cuts; cuts that cannot be shared
// go to stats.unshared_cuts with the reason. Nothing without params.prove_cut_block.
std::vector<SharedCut> share_proved_cuts(const Circuit& construction, const Circuit& spec,
                                         const MiterParams& params, MiterStats& stats);

}  // namespace tc
