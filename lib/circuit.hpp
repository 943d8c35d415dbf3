// Circuit IR: a DAG of weighted threshold gates over named input and output words.
//
// A signal is a node index plus a complement bit, so negating a wire is free: in a threshold gate
// it only flips the sign of a weight (that is how depth is counted, REFERENCE.md section 3). Every
// gate is normalized on creation (positive weights, clipped, divided by their gcd, constants
// folded) and structurally hashed together with its complement, so an equal gate is built once.
// Constructions use threshold gates only; specs may also use XOR gates where that keeps them plain.
// Input-validity predicates (e.g. "this word is a valid float encoding") are recorded as
// constraints: simulation ignores lanes that violate them and the miter assumes them.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tc {

// A literal: node index times two plus a complement bit. Node 0 is the constant false.
class Signal {
 public:
  constexpr Signal() = default;
  constexpr Signal(uint32_t node, bool complemented) : lit_(node * 2 + (complemented ? 1 : 0)) {}
  static constexpr Signal from_literal(uint32_t lit) {
    Signal s;
    s.lit_ = lit;
    return s;
  }
  constexpr uint32_t node() const { return lit_ >> 1; }
  constexpr bool complemented() const { return lit_ & 1; }
  constexpr uint32_t literal() const { return lit_; }
  constexpr Signal operator!() const { return from_literal(lit_ ^ 1); }
  constexpr Signal operator^(bool flip) const { return from_literal(lit_ ^ (flip ? 1 : 0)); }
  constexpr bool operator==(const Signal&) const = default;
  constexpr auto operator<=>(const Signal&) const = default;

 private:
  uint32_t lit_ = 0;
};

inline constexpr Signal kFalse{0, false};
inline constexpr Signal kTrue{0, true};

using Bits = std::vector<Signal>;  // a bit vector, least significant bit first

enum class NodeKind : uint8_t { Constant, Input, Threshold, Xor };

// Gate: [sum_i weights[i] * fanins[i] >= threshold]. After normalization every weight is >= 1
// and 1 <= threshold <= sum of weights < kMaxGateWeightSum; a gate that is the AND or the OR of
// its inputs has unit weights. Xor nodes have two fanins and no
// weights. The bound lets every encoding add weights in 64 bits without wrapping;
// create_threshold throws std::overflow_error for a gate that would exceed it.
inline constexpr int64_t kMaxGateWeightSum = int64_t{1} << 61;

// Whether [sum_i weights[i] * x_i >= threshold] (weights >= 1, 1 <= threshold <= their sum) is
// the AND of its inputs (every input needed: the sum without the lightest weight is short) or
// their OR (every input suffices). The one place these shapes are recognized; encoders and
// analyses ask here or through Node::is_and / is_or.
bool threshold_is_and(const std::vector<int64_t>& weights, int64_t threshold);
bool threshold_is_or(const std::vector<int64_t>& weights, int64_t threshold);

struct Node {
  NodeKind kind = NodeKind::Constant;
  std::vector<Signal> fanins;
  std::vector<int64_t> weights;
  int64_t threshold = 0;
  // In normal form an AND gate has unit weights and threshold = fan-in, an OR gate unit weights
  // and threshold 1 (create_threshold canonicalizes, Circuit::verify checks).
  bool is_and() const {
    return kind == NodeKind::Threshold && threshold_is_and(weights, threshold);
  }
  bool is_or() const { return kind == NodeKind::Threshold && threshold_is_or(weights, threshold); }
};

// How a word's bits are read as a number when a counterexample is printed.
struct Decoding {
  enum class Kind : uint8_t { Bool, Unsigned, Signed, Float };
  Kind kind = Kind::Unsigned;
  int p = 0;  // Float: significand bits (explicit leading one)
  int e = 0;  // Float: exponent bits (two's complement)
  static Decoding unsigned_int() { return {Kind::Unsigned, 0, 0}; }
  static Decoding signed_int() { return {Kind::Signed, 0, 0}; }
  static Decoding boolean() { return {Kind::Bool, 0, 0}; }
  // Float word layout: bits [0, p) magnitude, [p, p + e) exponent, bit p + e the sign.
  static Decoding floating(int p, int e) { return {Kind::Float, p, e}; }
  bool operator==(const Decoding&) const = default;
};

struct Word {
  std::string name;
  Bits bits;
  Decoding decoding;
};

class Circuit {
 public:
  explicit Circuit(std::string name = "circuit");

  const std::string& name() const { return name_; }

  // --- inputs and outputs -------------------------------------------------------------------
  // Every primary input belongs to exactly one input word; words are declared in a fixed order,
  // and two circuits are comparable when they declare the same input words in the same order.
  Bits add_input_word(const std::string& name, int width, Decoding decoding);
  void add_output_word(const std::string& name, Bits bits, Decoding decoding);
  // A predicate over the inputs that every meaningful input satisfies.
  void add_constraint(Signal valid);
  // Declares that `outputs` are computed from `inputs` alone by a named block (e.g. the
  // significand product). When the construction and the spec declare a cut of the same name over
  // the same input signals, the miter proves the two blocks equivalent on their own and then
  // lets both sides share the block's outputs (REFERENCE.md section 5: decomposed proofs).
  // `assumption` (a function of the cut inputs) restricts the claim: the blocks need only agree
  // where it holds, and the spec keeps its own block where it does not.
  // `guarantee` (a function of the cut outputs, e.g. "every output word is a valid float") is
  // what the block promises on its outputs whenever the assumption holds. A cut with a guarantee
  // is a *block* (lib/compose.hpp, ComposeOptions::block_cut): the miter may then prove it once,
  // replace its outputs on both sides by free variables that satisfy the guarantee, and so prove
  // a composition as the sum of its block proofs (lib/sat/compositional.hpp).
  // `decoding` says how the outputs read as one word (a block of one float output word is a
  // float): the miter then proves such a block's word in one obligation, as it does a float
  // output word of a component (lib/sat/miter_obligations.cpp).
  void add_cut(const std::string& name, Bits inputs, Bits outputs, Signal assumption = kTrue,
               Signal guarantee = kTrue, bool block = false,
               Decoding decoding = Decoding::unsigned_int());

  // Declares `bits` a case split, a proof hint that changes nothing the circuit computes: the SAT
  // miter proves each output word once per value of the bits, in turn, on one solver
  // (lib/sat/miter_case_split.hpp). A value no input reaches is a case proved at once. At most
  // kMaxCaseSplitBits bits (2^8 cases); throws std::invalid_argument past it or for a repeated
  // name.
  static constexpr int kMaxCaseSplitBits = 8;
  void add_case_split(const std::string& name, Bits bits);

  const std::vector<Word>& input_words() const { return input_words_; }
  const std::vector<Word>& output_words() const { return output_words_; }
  const std::vector<Signal>& constraints() const { return constraints_; }
  struct Cut {
    std::string name;
    Bits inputs, outputs;
    Signal assumption = kTrue;
    Signal guarantee = kTrue;
    bool block = false;  // declared by compose_embed for a whole embedded block
    Decoding decoding = Decoding::unsigned_int();  // of the outputs as one word
  };
  const std::vector<Cut>& cuts() const { return cuts_; }
  const std::vector<Word>& case_splits() const { return case_splits_; }  // unsigned words
  const Word& input_word(const std::string& name) const;                 // throws std::out_of_range
  const Word& output_word(const std::string& name) const;                // throws std::out_of_range
  int num_input_bits() const { return static_cast<int>(inputs_.size()); }
  // Primary input nodes in declaration order (word by word, LSB first).
  const std::vector<uint32_t>& input_nodes() const { return inputs_; }

  // --- gates ----------------------------------------------------------------------------------
  // [sum w_i x_i >= t]; any integer weights, repeated or complemented fanins and constants are
  // allowed: the gate is normalized and may fold to a constant or an existing signal.
  Signal create_threshold(const std::vector<Signal>& fanins, const std::vector<int64_t>& weights,
                          int64_t threshold);
  Signal create_and(Signal a, Signal b) { return create_and(std::vector<Signal>{a, b}); }
  Signal create_or(Signal a, Signal b) { return create_or(std::vector<Signal>{a, b}); }
  Signal create_and(const std::vector<Signal>& xs);
  Signal create_or(const std::vector<Signal>& xs);
  Signal create_majority(const std::vector<Signal>& xs);  // [sum x >= ceil(n/2)] (n odd: majority)
  // sel ? a : b, as two threshold layers (AND/OR); constant-folded where possible.
  Signal create_mux(Signal sel, Signal a, Signal b);
  // Non-threshold XOR: for specs only. Constructions must not use it (is_threshold_only()).
  Signal create_xor(Signal a, Signal b);

  // --- structure ------------------------------------------------------------------------------
  size_t num_nodes() const { return nodes_.size(); }
  const Node& node(uint32_t index) const { return nodes_[index]; }
  bool is_threshold_only() const;  // true when no Xor node is reachable from an output
  // Checks every invariant the IR promises: node 0 the constant, fanins before their node, gates
  // in normal form and structurally hashed, inputs, words, constraints and cuts over existing
  // nodes. Throws std::logic_error naming the circuit, the node and the broken rule.
  void verify() const;
  // Marks (index = node) every node the roots depend on, the roots included.
  std::vector<char> cone(const std::vector<Signal>& roots) const;
  // The cone of every output bit and every input constraint: what simulation and the exporters
  // must compute.
  std::vector<char> cone_of_outputs_and_constraints() const;
  // Copies `other` into this circuit, mapping its input nodes (in other.input_nodes() order) to
  // `inputs`; returns the signal for each of other's nodes (index = node, uncomplemented).
  std::vector<Signal> import(const Circuit& other, const std::vector<Signal>& inputs);
  // As import, but a node of other listed in `overrides` as {replacement, condition} becomes
  // condition ? replacement : (its own gate).
  struct Override {
    Signal replacement, condition;
  };
  std::vector<Signal> import(const Circuit& other, const std::vector<Signal>& inputs,
                             const std::unordered_map<uint32_t, Override>& overrides);

 private:
  // Structural hashing looks gates up by their own content (kind, fanin literals, weights,
  // threshold), so no key is stored beside the node: `flip` complements every fanin literal, and
  // a gate's complement [sum w !x >= total - T + 1] is found with flip and that threshold.
  static size_t gate_hash(const Node& node, bool flip, int64_t threshold);
  uint32_t find_gate(const Node& node, bool flip, int64_t threshold) const;  // 0: none
  void insert_gate(uint32_t n);
  Signal add_node(Node node);
  // The gate equal to `node`, or to its complement (complement_threshold >= 1), else a new one.
  Signal lookup_or_add(Node node, int64_t complement_threshold);

  std::string name_;
  std::vector<Node> nodes_;
  std::vector<uint32_t> inputs_;
  std::vector<Word> input_words_;
  std::vector<Word> output_words_;
  std::vector<Signal> constraints_;
  std::vector<Cut> cuts_;
  std::vector<Word> case_splits_;
  // Gate node indices, open-addressed (linear probing, at most half full; 0: empty slot, node 0
  // is the constant): a node-based map of copied keys spent most of a large build in malloc.
  std::vector<uint32_t> gate_table_;
  size_t table_gates_ = 0;
};

}  // namespace tc
