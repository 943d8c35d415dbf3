// A user's circuit file in place of a component's construction (`verify --circuit FILE`), and
// the construction written out in the text format (`verify --export-circuit FILE`).
#pragma once

#include <string>

#include "lib/circuit.hpp"
#include "lib/component.hpp"

namespace tc {

struct UserCircuit {
  Circuit circuit;                 // over the spec's words, in the spec's order
  size_t ignored_constraints = 0;  // the file's constraints, which are not assumed
};

// Reads FILE by its extension (.tc text, .aag/.aig AIGER; docs/circuit-format.md) and fits it to
// the spec's words: same input and output word names and widths, in any order; the result has
// the spec's word order (and, when it had to be reordered, the spec's decodings). The file's
// constraints are dropped (the spec's define the valid inputs, so a file cannot assume its way to a
// proof); its cuts are kept (every claim a cut makes is proved before it is used). Throws
// UsageError: unreadable file, a parse error
// ("FILE:line:column: reason"), out of memory, non-threshold gates, or port mismatches (one line
// each, separated by '\n').
UserCircuit load_user_circuit(const std::string& path, const Circuit& spec);

// Writes a construction (build_sides' own, shared with the check) in the text format.
void export_circuit_text(const Circuit& construction, const std::string& path);

}  // namespace tc
