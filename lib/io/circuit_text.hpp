// The plain-text threshold-circuit format (".tc", docs/circuit-format.md): input and output words
// by name and width (bit 0 the least significant), one gate per line in topological order
// (weighted sum and threshold, or the AND/OR/NOT/MAJ shorthands; XOR for specs), input-validity
// constraints and cut points. It lets a user hand us a circuit without writing C++, and lets us
// hand ours out.
//
// The writer prints every gate in the cone of the outputs, constraints and cuts, in node order,
// in the IR's normal form (positive weights on possibly complemented literals), using a shorthand
// where the gate is one; the reader rebuilds each gate through Circuit::create_threshold, which
// maps a normal-form gate to itself. So reading what the writer wrote gives the same words, the
// same gates in the same order, the same constraints and cuts, and writing that again gives the
// same text (tests/io/circuit_text.cpp checks it on every registered component).
//
// The reader is a hand-written single pass over lines (no regular expressions, no lookahead beyond
// the line): a 10^6-gate file loads in seconds. Touches only lib/circuit.hpp.
#pragma once

#include <functional>
#include <istream>
#include <ostream>
#include <string>

#include "lib/circuit.hpp"
#include "lib/io/read_error.hpp"

namespace tc {

// Widest input or output word the readers accept: bounds the memory a one-line file can demand.
inline constexpr int kMaxWordWidth = 1 << 20;

struct TextReadOptions {
  // Set: each constraint is handed here instead of being added to the circuit (verify --circuit
  // counts them and does not assume them).
  std::function<void(Signal)> on_constraint;
};

// Reads a circuit; `source` names the file in error messages. Throws CircuitReadError
// ("source:line:column: reason") on malformed input; std::bad_alloc when memory runs out.
Circuit read_circuit_text(std::istream& in, const std::string& source,
                          const TextReadOptions& options = {});

void write_circuit_text(std::ostream& out, const Circuit& circuit);

}  // namespace tc
