// AIGER export and import: the circuit as an and-inverter graph that ABC, Yosys and any
// AIGER-reading checker can verify on their own (REFERENCE.md section 6).
//
// The format is Biere's AIGER 1.9 without latches: binary "aig" (inputs implicit, AND gates as
// delta-encoded 7-bit varints with lhs > rhs0 >= rhs1) and ASCII "aag" for debugging; a literal is
// 2 * variable + complement, literal 0 is constant false. Inputs are all input bits in
// input_nodes() order, outputs every output word LSB first, and the symbol table names each bit
// ("i0 a[0]", "o0 sum[0]"). The reader turns the symbol table back into words, so a file
// round-trips into a Circuit that simulates like the original.
//
// Gates become AND-inverter logic, structurally hashed and constant-folded:
//   - AND and OR gates (Node::is_and, is_or): balanced AND trees;
//   - other threshold gates: the gate's reduced ordered BDD (lib/threshold_bdd.hpp, the same BDD
//     and variable order as the CNF encoding), sub-BDDs shared within the gate. A threshold
//     function is monotone in each (literal) input, so the node "x ? hi : lo" has lo -> hi and is
//     written lo | (x & hi): 2 ANDs, not a 3-AND multiplexer;
//   - Xor: (a & !b) | (!a & b), 3 ANDs.
// Touches lib/circuit.hpp and lib/threshold_bdd.hpp.
#pragma once

#include <array>
#include <cstdint>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "lib/circuit.hpp"

namespace tc {

struct AigerOptions {
  // AND every output with the conjunction of the circuit's input constraints, so an
  // unconstrained equivalence check (ABC's cec) means "equal on valid inputs" as ours does.
  // Both sides must then carry the same constraints (see aiger_share_constraints).
  bool mask_invalid_inputs = false;
  bool symbols = true;  // write the symbol table and a comment section
};

// Inner BDD nodes allowed per threshold gate: general pseudo-Boolean BDDs can be exponential,
// and past this a gate gets its adder network or totalizer (lib/threshold_encode.hpp) whatever
// the estimates.
constexpr int64_t kAigerBddMaxNodes = int64_t(1) << 20;

// The and-inverter graph itself, as the writers emit it.
struct AigerGraph {
  uint32_t num_inputs = 0;                    // variables 1..num_inputs
  std::vector<std::array<uint32_t, 3>> ands;  // {lhs, rhs0, rhs1}, lhs = 2*(num_inputs+k+1)
  std::vector<uint32_t> outputs;              // literals
  std::vector<std::string> input_names;       // "a[0]", one per input
  std::vector<std::string> output_names;      // "sum[0]", one per output
  std::string circuit_name;                   // for the comment section
  bool outputs_masked = false;                // outputs ANDed with the input constraints
  uint32_t max_var() const { return num_inputs + static_cast<uint32_t>(ands.size()); }
};

AigerGraph aiger_from_circuit(const Circuit& circuit, const AigerOptions& options = {});

// The graph's outputs [first, first + count) and the AND gates they need, renumbered in order
// (every input kept, so the file's interface stays that of the circuit).
AigerGraph aiger_select_outputs(const AigerGraph& graph, size_t first, size_t count);

// The three files of an equivalence check, lowered once: construction and spec, each masked by
// the input constraints of both (as aiger_share_constraints would), and their miter, one output
// "diff:<word>[i]" per bit (the bits differ), masked alike. Both circuits go into one AIG, so each
// threshold gate is encoded once and a gate both build alike is shared; each graph is then the
// cone of its own outputs.
struct AigerPair {
  AigerGraph construction, spec, miter;
};
AigerPair aiger_pair(const Circuit& construction, const Circuit& spec);

// The writers print a graph; the circuit forms lower it first.
void write_aiger_binary(std::ostream& out, const AigerGraph& graph, bool symbols = true);

void write_aiger_binary(std::ostream& out, const Circuit& circuit,
                        const AigerOptions& options = {});
void write_aiger_ascii(std::ostream& out, const Circuit& circuit, const AigerOptions& options = {});

// Reads a binary "aig" file without latches. Input and output words come from symbols of the
// form "name[index]" (consecutive bits, index from 0); without usable symbols the inputs form one
// word "in" and the outputs one word "out". Words decode as unsigned. Throws std::runtime_error
// with a one-line message ("aiger: ...") on malformed input.
Circuit read_aiger_binary(std::istream& in);

// A copy of `circuit` that also carries `other`'s input constraints (same input words required),
// so two circuits exported with mask_invalid_inputs are masked by the same predicate.
Circuit aiger_share_constraints(const Circuit& circuit, const Circuit& other);

}  // namespace tc
