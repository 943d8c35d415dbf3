// SAT-based equivalence checking of a construction against its spec, on CaDiCaL.
//
// Both circuits are imported into one miter circuit over shared inputs, where structural hashing
// merges whatever the two sides build identically. Each output word is one proof obligation: a
// fresh solver gets the cone of that word's difference bits, the input-validity constraints as
// unit clauses, and "some bit differs". UNSAT for every word proves equivalence; a model is a
// counterexample candidate (replayed by the caller); a time or conflict limit gives no verdict.
// With a proof directory, every obligation's CNF (DIMACS) and DRAT proof are written there, and
// optionally certified by the in-project DRUP checker (lib/proof/drup_check.hpp).
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "lib/circuit.hpp"
#include "lib/simulate.hpp"

namespace tc {

struct MiterParams {
  double timeout_seconds = 0;   // 0: none. Shared by all obligations.
  int conflict_limit = -1;      // per obligation; -1: none
  std::string proof_dir;        // empty: no proofs written
  bool check_proofs = false;    // certify each UNSAT answer with the DRUP checker
  std::function<void(const std::string&)> progress;  // one line per obligation
  // Proves two circuits equivalent on their valid inputs: two extracted cut blocks, or a cut's
  // assumption against constant true (lib/sat/cut_points.hpp); unset: no cut sharing. Returns a
  // short description of how ("simulation, 65536 inputs"), or nullopt if not proved.
  std::function<std::optional<std::string>(const Circuit&, const Circuit&)> prove_cut_block;
};

struct SharedCut {
  std::string name;
  std::string proof;             // how the blocks (and the assumption, if any) were proved
  bool unconditional = false;    // every valid input satisfies the assumption: shared without a mux
  bool spec_block_kept = false;  // both sides read the spec's block (smaller CNF); else the construction's
};

// One distinct block of a compositional proof (lib/sat/compositional.hpp): proved once, used by
// every instance built alike.
struct BlockStats {
  std::string name;         // the first instance's cut name
  int instances = 0;        // cuts proved by this one block proof
  size_t gates = 0, wires = 0;  // the construction's block
  int depth = 0;
  size_t spec_gates = 0;
  int spec_depth = 0;
  std::string proof;        // how the pair (and the block's output guarantee) was proved
  double seconds = 0;
};

struct ObligationStats {
  std::string output_word;
  std::string result;  // "unsat", "sat", "unknown"
  int variables = 0;
  size_t clauses = 0;
  double seconds = 0;
  std::string cnf_path, proof_path;
  bool certified = false;
  std::string certificate_message;
};

struct MiterStats {
  double seconds = 0;
  std::vector<ObligationStats> obligations;
  std::optional<Assignment> counterexample;  // projected onto the primary inputs
  std::string differing_word;
  std::vector<SharedCut> shared_cuts;         // blocks proved once and shared by both sides
  std::vector<std::string> unshared_cuts;     // "name: reason" for declared cuts not used
  // Compositional proofs: the distinct blocks, and how the composition was checked.
  std::vector<BlockStats> blocks;
  std::string composition;  // e.g. "12 blocks abstracted; 3 glue obligations", or why not used
};

// true: equivalent on all valid inputs; false: counterexample in stats; nullopt: limit hit.
// Throws std::runtime_error when a proof fails to certify.
std::optional<bool> check_equivalence_sat(const Circuit& construction, const Circuit& spec,
                                          const MiterParams& params, MiterStats* stats);

// The per-bit obligations of a miter circuit `m` (output words "diff:<name>"; its first
// primary_bits inputs are the primary inputs, any later ones abstraction variables): one solver
// per word, bits least significant first, proved bits as lemmas. A model's primary inputs go to
// stats.counterexample. Used by check_equivalence_sat and the compositional proof.
std::optional<bool> solve_miter_outputs(const Circuit& m, size_t primary_bits, const MiterParams& params,
                                        std::optional<std::chrono::steady_clock::time_point> deadline,
                                        MiterStats& stats);

// The miter circuit itself (shared inputs, both sides, one xor per output bit, output words
// "diff:<name>"), also used by the exporters. For each of `shared_cuts` (already proved
// equivalent): unconditional, the kept block's outputs replace the other side's; otherwise the
// spec's cut outputs become assumption ? construction's outputs : the spec's own.
Circuit build_miter(const Circuit& construction, const Circuit& spec,
                    const std::vector<SharedCut>& shared_cuts = {});

// Names of cuts declared by both circuits over the same miter signals.
std::vector<std::string> matching_cuts(const Circuit& construction, const Circuit& spec);

}  // namespace tc
