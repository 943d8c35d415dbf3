// The miter circuit: construction and spec imported into one circuit over shared inputs (where
// structural hashing merges whatever the two sides build identically), with one xor per output
// bit. Each output word of the pair becomes a MiterWord: its name and its difference bits. The
// circuit also carries them as output words "diff:<name>", for the exporters only (AIGER symbol
// names); code that needs a word's name reads MiterWord::name.
#pragma once

#include <string>
#include <vector>

#include "lib/circuit.hpp"
#include "lib/sat/miter_stats.hpp"

namespace tc {

struct MiterWord {
  std::string name;  // the output word of construction and spec
  Bits diff;         // bit i: the two sides' bit i differ (kFalse where both built the same gate)
  Decoding decoding = Decoding::unsigned_int();  // the spec's (lib/sat/miter_obligations.hpp)
};

struct Miter {
  Circuit circuit;               // the input constraints of both sides are its constraints
  std::vector<MiterWord> words;  // in output-word order
  size_t primary_bits = 0;       // the first inputs are the primary inputs; later ones, if any,
                                 // abstraction variables (lib/sat/compositional.hpp)
  // The case splits of both sides (Circuit::add_case_split), the spec's first, as many as fit
  // in Circuit::kMaxCaseSplitBits bits together; their bits are the miter's signals.
  std::vector<Word> case_splits;
};

// Records `diff` as the miter word `name` (and as the circuit's output word "diff:<name>").
void add_miter_word(Miter& miter, const std::string& name, const Bits& diff,
                    const Decoding& decoding);

// The miter of the two circuits (same interface). For each of `shared_cuts` (already proved
// equivalent): unconditional, the kept block's outputs replace the other side's; otherwise the
// spec's cut outputs become assumption ? construction's outputs : the spec's own.
Miter build_miter(const Circuit& construction, const Circuit& spec,
                  const std::vector<SharedCut>& shared_cuts = {});

// Names of cuts declared by both circuits over the same miter signals.
std::vector<std::string> matching_cuts(const Circuit& construction, const Circuit& spec);

}  // namespace tc
