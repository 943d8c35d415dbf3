// Reading combinational AIGER (ASCII "aag" and binary "aig", Biere's AIGER 1.9 without latches)
// into the circuit IR, so circuits from Yosys or ABC can be checked as they are
// (docs/circuit-format.md, "AIGER").
//
// An AND gate becomes the threshold gate [a + b >= 2] (Circuit::create_and); a complemented
// literal is a complemented signal, which the IR folds into the gate's weights, so depth counts
// AND layers and inverters are free. The symbol table names the words: "i3 x[2]" makes input 3
// bit 2 of word x, a bare "i0 s" a one-bit word s (Yosys's write_aiger -symbols and our own
// exporter, lib/export/aiger.hpp, write exactly that). Latches and the AIGER 1.9 B, C, J, F
// sections are rejected: the file would be sequential or a property, not a function.
//
// Errors are CircuitReadError, "source:line:column: reason"; in the binary AND section the
// position counts bytes from the section's start line, and the reason names the AND gate.
// Touches only lib/circuit.hpp; independent of the exporter, whose internals may change.
#pragma once

#include <istream>
#include <string>
#include <utility>
#include <vector>

#include "lib/circuit.hpp"
#include "lib/io/read_error.hpp"

namespace tc {

struct AigerReadOptions {
  // For a file without input (output) symbols: the words its inputs (outputs) are, in order,
  // LSB first, e.g. the spec's; empty: one word "in" ("out") of every input (output).
  std::vector<std::pair<std::string, int>> default_inputs, default_outputs;
};

// Most inputs a file may declare: bounds the memory a one-line header can demand.
inline constexpr uint32_t kAigerMaxInputs = 1u << 24;

Circuit read_aiger(std::istream& in, const std::string& source,
                   const AigerReadOptions& options = {});

}  // namespace tc
