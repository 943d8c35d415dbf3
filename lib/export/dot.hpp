// Graphviz export of a circuit's output cone, for looking at a construction rather than proving
// anything about it.
//
// One vertex per gate of the cone of the outputs and input constraints, ranked by depth (inputs at
// the top, one rank=same row per threshold layer as lib/analysis.hpp counts them, outputs and
// constraints at the bottom). Gates are labelled AND, OR, MAJ or XOR, other threshold gates with
// their inequality, e.g. "[2a0 + 2!b1 + g7 >= 3]", where a fanin is an input bit (word name and
// bit index) or a gate g<node>. Complemented wires are dashed with an "o" arrowhead, the usual
// AIG-drawing convention. Reads lib/circuit.hpp and lib/analysis.hpp only.
#pragma once

#include <ostream>

#include "lib/circuit.hpp"

namespace tc {

void write_dot(std::ostream& out, const Circuit& circuit);

}  // namespace tc
