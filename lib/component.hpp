// What a component is: a construction, its independent spec, its parameters, and the mutants
// that must fail.
//
// The registry (verify/registry.cpp) holds one Component per construction; lib/ defines only the
// shape of an entry and knows no component. Builders return fresh circuits with identical input
// and output words; the construction builder honours Params::mutant. A component lists the
// parameters it takes (ParamSpec, FlagSpec, weights); the CLI options, their validation, --list,
// the JSON report and the test sweeps are all derived from that list.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "lib/circuit.hpp"
#include "lib/lemma.hpp"

namespace tc {

// A float constant typed by the user (e.g. a weight from --weights FILE): value m * 2^e, the sign
// in m. Not yet fitted to any format: the builder checks that it is a value of its format.
struct FloatConstant {
  int64_t m = 0;
  int64_t e = 0;
  bool operator==(const FloatConstant&) const = default;
};

struct Params {
  int p = 8;     // precision / operand width
  int n = 4;     // number of operands, where the component takes a variable number
  int e = 0;     // float exponent bits; 0 means the default p + 1
  int rows = 2;  // matrix shapes (matmul)
  int cols = 2;
  int L = 3;                    // sequence length (SSM components)
  int N = 2;                    // state size
  int D = 1;                    // channels
  int K = 2;                    // convolution kernel size
  std::set<std::string> flags;  // on/off variants the component declares (e.g. "euler")
  // Constant weights by name, row-major; empty: the component's own choice (weights as circuit
  // inputs, or its documented defaults).
  std::map<std::string, std::vector<FloatConstant>> weights;
  std::string mutant;  // empty: the correct construction
  int exponent_bits() const { return e > 0 ? e : p + 1; }
  bool flag(const std::string& name) const { return flags.count(name) > 0; }
  // The named integer parameter ("p", "n", "e", "rows", "cols", "L", "N", "D", "K"); nullptr
  // for an unknown name.
  int* field(const std::string& name);
  const int* field(const std::string& name) const;
  // Weights `name`, checked to hold exactly `count` values; nullptr when no weights were given.
  // Throws std::invalid_argument naming the field when the count does not fit the sizes.
  const std::vector<FloatConstant>* weight(const std::string& name, size_t count) const;
};

// An integer parameter a component takes: --NAME, its range and default.
struct ParamSpec {
  std::string name;  // a Params::field name
  int min = 0, max = 0;
  int default_value = 0;  // for "e": 0 means p + 1
  std::string meaning;    // one line, for --list and --help
};

// An on/off variant: --NAME sets Params::flags.
struct FlagSpec {
  std::string name;
  std::string meaning;
  // > 0: with this flag the largest p is this one, for proofs and sizes alike. Past the range's
  // max it widens the range (a polynomial variant of a construction whose default range is
  // bounded by its size); below it narrows the range (an exponential variant kept for comparison).
  int p_max = 0;
  // > p_max: sizes alone (--stats-only) with this flag reach this p (the proofs stop at p_max).
  int stats_p_max = 0;
};

struct Mutant {
  std::string name;
  std::string description;  // the realistic mistake it models
  // true: a wrong design constant (e.g. one Taylor term too few for the claimed bound) that only
  // the lemmas see; the circuits are built unmutated and some lemma must fail.
  bool lemma_only = false;
  // Options under which the mistake shows, where the component's defaults hide it (e.g. a
  // channel mix-up needs two channels: "--D 2"); empty: it shows at the defaults.
  std::string shows_with;
};

using CircuitBuilder = std::function<Circuit(const Params&)>;

// The exact mathematical result for given input words (bits LSB first, in input word order),
// one human-readable line per output word, e.g. "exact 1/3 = 0.333..., rounded 11 * 2^-5".
// It is computed without circuits (integers or GMP rationals), so `verify eval` can set it
// beside both circuits' outputs.
using ReferenceEvaluator =
    std::function<std::vector<std::string>(const Params&, const std::vector<std::vector<bool>>&)>;

// How far --stats-only builds a component that states no stats_p_max: the size-growth study's
// largest p (bench/size_growth.py). A build that does not fit there (weights past the IR's bound,
// memory) refuses with its own one-line reason.
constexpr int kStatsOnlyPMax = 32;

struct Component {
  std::string name;               // CLI name, e.g. "int-mul"
  std::string description;        // one line
  std::string lemma;              // the paper lemma it serves
  std::vector<ParamSpec> params;  // always includes "p"
  std::vector<FlagSpec> flags;
  // Non-empty: the component accepts --weights FILE (a JSON object of named float arrays); this
  // says which names, their shapes, and what happens without the file.
  std::string weights;
  CircuitBuilder construction;
  CircuitBuilder spec;
  std::vector<Mutant> mutants;
  ReferenceEvaluator reference;  // may be empty: eval then prints the circuits' outputs only
  LemmaChecker lemmas;           // may be empty: the component has no error-bound lemmas
  // false where the miter without cut points (as exported to DIMACS and AIGER) takes minutes,
  // e.g. structurally different multi-operand multipliers: the bit-level sweeps of the tests then
  // check only its mutants, and its proof runs through verify with the cut points.
  bool plain_miter_practical = true;
  // The construction's depth at every p >= 4 and every other parameter (below p = 4 constant
  // folding may remove a layer, e.g. int-mul at p = 1): the one table the tests, `verify --list`
  // and the README's size table are checked against. 0: not pinned (depth_note says how it
  // grows, or the registry test checks that it is the same at p = 4, 8, 12, 16).
  int depth = 0;
  std::string depth_note;  // where depth is not constant, says how it grows; empty otherwise
  std::string size_note;   // where size is not polynomial in p, says so; empty otherwise
  // > 0: --stats-only (sizes, no proof) builds up to this p; 0: up to kStatsOnlyPMax. The range's
  // max bounds what proves in minutes; sizes need only the two builds. A flag with its own p_max
  // overrides it.
  int stats_p_max = 0;
  // Why sizes stop at stats_p_max, measured (e.g. the IR's weight bound at the next p); empty when
  // they reach kStatsOnlyPMax. verify's range error names it.
  std::string stats_limit;

  const ParamSpec* param(const std::string& name) const;  // nullptr: not taken
  bool takes(const std::string& name) const { return param(name) != nullptr; }
  bool declares(const std::string& flag) const;  // a FlagSpec of that name
  const ParamSpec& p_spec() const;               // the "p" entry
  // The largest p with these flags (and, with stats_only, for sizes alone).
  int p_max(const Params& params, bool stats_only = false) const;
  // Params at every declared default (the remaining fields at Params' own defaults).
  Params defaults() const;
};

// Shorthands for registry entries.
ParamSpec p_param(int min, int max, int default_value);
// default_value 0: p + 1. The exact evaluators hold values up to 2^(2^(e - 1)), 2^(max - 4) bytes.
ParamSpec e_param(int default_value = 0, int max = 20);

}  // namespace tc
