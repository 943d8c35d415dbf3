// Composition: a whole circuit embedded as a block inside another.
//
// Elementary functions built from other components (silu = x / (1 + e^-x), softplus, ...) reuse
// the finished constructions and specs unchanged: the host circuit computes the block's input
// words, compose_embed copies the sub-circuit in (Circuit::import) with its primary inputs wired
// to those words, and hands back the block's output words by name. Construction and spec of a
// composite are then "the same composition" of constructions resp. of specs, so an equivalence
// proof of the composites says the threshold circuit computes the composed algorithm.
//
// What carries over, and why:
//  - Input constraints of the sub-circuit ("x is a valid float") become signals over the host's
//    intermediate words. They are NOT added to the host's constraints: that would shrink the
//    host's input space whenever an upstream block produced an invalid word, and hide the bug.
//    They are returned, so a caller or a test can check that they hold on every host input.
//  - Cuts are dropped unless a prefix is given; with one, each cut is re-declared on the host as
//    prefix + name over the mapped signals (useful only where both sides of a miter embed the
//    same block over the same signals).
// Knows no component.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "lib/circuit.hpp"

namespace tc {

struct ComposeOptions {
  std::string cut_prefix;  // empty: the sub-circuit's cuts are not re-declared on the host
  // Non-empty: the embedded block itself becomes a cut of this name on the host (a *block*):
  // inputs = the fed words, outputs = every output word (in output order), assumption = the
  // block's input constraints, guarantee = every float output word is a valid encoding. When the
  // construction and the spec embed blocks of the same name, the miter proves the two blocks
  // equivalent once (blocks built alike are proved once for all their instances), checks that
  // both sides feed them equal inputs, and treats their outputs as one free value: the proof of
  // a composition costs the sum of its block proofs (lib/sat/compositional.hpp). Names must be
  // unique per circuit; use the same name on both sides for the same role.
  std::string block_cut;
};

// A block of role `name` that keeps the part's own cuts as cuts of the host named "name/<cut>",
// so that the block's proof can use them (e.g. fdiv's significand quotient inside silu's division).
inline ComposeOptions block_with_inner_cuts(const std::string& name) {
  return {.cut_prefix = name + "/", .block_cut = name};
}

struct Embedded {
  std::map<std::string, Bits> outputs;  // the sub-circuit's output words, by name
  Bits constraints;                     // its input constraints, as host signals
  // The output word of that name; throws std::out_of_range naming the word and the block.
  const Bits& output(const std::string& name) const;
  std::string block_name;  // the sub-circuit's name, for messages
};

// Embeds `sub` into `host`, its i-th input word fed by inputs[i] (sub.input_words() order).
// Throws std::invalid_argument when the number of words or a word's width does not match.
Embedded compose_embed(Circuit& host, const Circuit& sub, const std::vector<Bits>& inputs,
                       const ComposeOptions& options = {});
// The same, with the input words given by name (every input word of sub exactly once).
Embedded compose_embed(Circuit& host, const Circuit& sub,
                       const std::vector<std::pair<std::string, Bits>>& named_inputs,
                       const ComposeOptions& options = {});

// AND of the embedded block's input constraints (kTrue when it has none), as threshold gates.
Signal compose_constraints_hold(Circuit& host, const Embedded& block);

}  // namespace tc
