// What a component is: a construction, its independent spec, and the mutants that must fail.
//
// The registry (verify/registry.cpp) holds one Component per construction; lib/ defines only the
// shape of an entry and knows no component. Builders return fresh circuits with identical input
// and output words; the construction builder honours Params::mutant.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "circuit.hpp"
#include "lemma.hpp"

namespace tc {

struct Params {
  int p = 8;           // precision / operand width
  int n = 4;           // number of operands, where the component takes a variable number
  int e = 0;           // float exponent bits; 0 means the default p + 1
  int rows = 2;        // matrix shapes (matmul)
  int cols = 2;
  std::string mutant;  // empty: the correct construction
  int exponent_bits() const { return e > 0 ? e : p + 1; }
};

struct Mutant {
  std::string name;
  std::string description;  // the realistic mistake it models
  // true: a wrong design constant (e.g. one Taylor term too few for the claimed bound) that only
  // the lemmas see; the circuits are built unmutated and some lemma must fail.
  bool lemma_only = false;
};

using CircuitBuilder = std::function<Circuit(const Params&)>;

// The exact mathematical result for given input words (bits LSB first, in input word order),
// one human-readable line per output word, e.g. "exact 1/3 = 0.333..., rounded 11 * 2^-5".
// It is computed without circuits (integers or GMP rationals), so `verify eval` can set it
// beside both circuits' outputs.
using ReferenceEvaluator =
    std::function<std::vector<std::string>(const Params&, const std::vector<std::vector<bool>>&)>;

struct Component {
  std::string name;         // CLI name, e.g. "int-mul"
  std::string description;  // one line
  std::string lemma;        // the paper lemma it serves
  int p_min = 2, p_max = 16;
  int p_default = 8;  // used when the user gives no --p
  bool uses_n = false;
  int n_min = 2, n_max = 8;
  int n_default = 4;  // used when the user gives no --n
  bool uses_e = false;
  int e_default = 0;  // exponent bits when the user gives no --e; 0: p + 1
  CircuitBuilder construction;
  CircuitBuilder spec;
  std::vector<Mutant> mutants;
  ReferenceEvaluator reference;  // may be empty: eval then prints the circuits' outputs only
  LemmaChecker lemmas;           // may be empty: the component has no error-bound lemmas
  // false where the SAT miter is impractical even at small p (a few inputs feeding gates of huge
  // fan-in, as in table-driven elementary functions): exhaustive simulation is the proof there,
  // and the tests do not ask SAT for one.
  bool sat_practical = true;
  std::string depth_note;   // where depth is not constant, says how it grows; empty otherwise
  std::string size_note;    // where size is not polynomial in p, says so; empty otherwise
};

}  // namespace tc
