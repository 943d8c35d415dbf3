// Cut points: blocks both sides of a miter compute from the same signals (REFERENCE.md section 5).
//
// A circuit declares a cut with Circuit::add_cut(name, inputs, outputs). When construction and
// spec declare a cut of the same name over the same miter signals, the block of each side is
// extracted as a circuit of its own, the two blocks are proved equivalent once (usually by
// exhaustive simulation: a significand product has only 2p inputs), and the miter then feeds the
// spec's downstream logic from the construction's block outputs. That is sound because the
// blocks agree on every input, and it removes the hardest part (two different multipliers) from
// the SAT problem. A cut with an assumption A (e.g. "both significands are normalized") is shared
// as A ? construction's block : spec's own block, which equals the spec's block everywhere once
// the blocks are proved equal under A. When every valid input satisfies A (proved separately, from
// the input constraints of both circuits), the sharing needs no mux, and either block can serve
// both sides: the miter keeps the one with the smaller CNF, so an expensive block (fdiv's
// thermometer quotient) leaves the SAT problem altogether. Counterexamples are still replayed on
// the original, unshared circuits.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lib/circuit.hpp"

namespace tc {

// How a cut input enters its extracted block: as its own bit of "in", as a constant, or as a
// copy of an earlier input bit (possibly complemented).
struct CutInputTie {
  enum class Kind { Free, Constant, Copy } kind = Kind::Free;
  bool value = false;  // Constant: the constant; Copy: complemented
  size_t source = 0;   // Copy: the earlier input position
};

// The cone of cut.outputs cut off at cut.inputs, as a circuit with input word "in" (the cut
// inputs in order), output word "out", and the cut's assumption as its constraint; cuts lying
// wholly inside the cone are declared on it too. nullopt when the cut inputs do not separate the
// outputs from the primary inputs. A constant or repeated cut input leaves its bit of "in" unused.
// `ties[i]`, when given, makes cut input i a constant or a copy of an earlier input inside the
// block: for a caller that separately proves the input takes that value (e.g. the compositional
// engine, whose glue checks prove both sides feed equal inputs while the other side feeds a
// constant or one signal twice).
std::optional<Circuit> extract_cut_block(const Circuit& circuit, const Circuit::Cut& cut,
                                         const std::vector<CutInputTie>& ties = {});

// The ties two sides' cuts of one block justify once their inputs are proved equal position by
// position: input i is a constant where either side feeds a constant, and a copy of input j
// (complemented or not) where either side feeds the signal of position j there. Contradictory
// facts (the glue check will fail on them) are dropped.
std::vector<CutInputTie> cut_input_ties(const Circuit::Cut& a, const Circuit::Cut& b);

// The cut of that name, or nullptr.
const Circuit::Cut* find_cut(const Circuit& circuit, const std::string& name);

// Whether every bit is a gate (threshold or xor) of its own: only then can the miter redirect
// the bits one by one to another block's outputs.
bool distinct_gate_nodes(const Circuit& circuit, const Bits& bits);

// Two circuits over the primary inputs of construction and spec (same interface), each with the
// input constraints of both: the first outputs the cut's assumption (a signal of `construction`),
// the second constant true. They are equivalent iff every valid input satisfies the assumption.
// The first is named "<construction>/<cut>-assumption".
std::pair<Circuit, Circuit> cut_assumption_check(const Circuit& construction, const Circuit& spec,
                                                 const Circuit::Cut& cut);

// Clauses of the block's CNF (the encoding the miter would use): what keeping it costs.
// Stops counting once past clause_limit (returns a number above it): enough to compare two blocks.
size_t cut_block_cnf_clauses(const Circuit& block, size_t clause_limit = SIZE_MAX);

}  // namespace tc
