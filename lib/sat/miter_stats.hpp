// Parameters and statistics of the SAT miter (lib/sat/miter.hpp) and of the compositional proof
// (lib/sat/compositional.hpp), which fills the same statistics.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "lib/circuit.hpp"
#include "lib/simulate.hpp"

namespace tc {

// Who answers the SAT obligations of a run with a proof directory: CaDiCaL here (None), outside
// solvers (Emit: every obligation's CNF is written and assumed for the later ones, no verdict), or
// their answers read back and checked (Collect: each DRAT proof by the DRUP checker, each model
// against the obligation's CNF). See lib/sat/obligation_exchange.hpp.
enum class ObligationExchange { None, Emit, Collect };

struct MiterParams {
  double timeout_seconds = 0;  // 0: none. Shared by all obligations.
  int conflict_limit = -1;     // per obligation; -1: none
  std::string proof_dir;       // empty: no proofs written
  bool check_proofs = false;   // certify each UNSAT answer with the DRUP checker
  ObligationExchange exchange = ObligationExchange::None;  // needs proof_dir
  int jobs = 1;  // output words solved side by side (threads); the verdict and stats do not change
  bool case_splits = true;  // use the circuits' case splits (lib/sat/miter_case_split.hpp)
  std::function<void(const std::string&)> progress;  // one line per obligation
  // Proves two circuits equivalent on their valid inputs: two extracted cut blocks, or a cut's
  // assumption against constant true (lib/sat/cut_points.hpp); unset: no cut sharing. `label`
  // names the pair for files ("significand-product", "significand-product-assumption"). Returns
  // a short description of how ("simulation, 65536 inputs"), or nullopt if not proved.
  std::function<std::optional<std::string>(const std::string& label, const Circuit&,
                                           const Circuit&)>
      prove_cut_block;
};

struct SharedCut {
  std::string name;
  std::string proof;           // how the blocks (and the assumption, if any) were proved
  bool unconditional = false;  // every valid input satisfies the assumption: shared without a mux
  bool spec_block_kept =
      false;  // both sides read the spec's block (smaller CNF); else the construction's
};

// One distinct block of a compositional proof (lib/sat/compositional.hpp): proved once, used by
// every instance built alike.
struct BlockStats {
  std::string name;             // the first instance's cut name
  int instances = 0;            // cuts proved by this one block proof
  size_t gates = 0, wires = 0;  // the construction's block
  int depth = 0;
  size_t spec_gates = 0;
  int spec_depth = 0;
  std::string proof;  // how the pair (and the block's output guarantee) was proved
  double seconds = 0;
};

// A SAT solver's answer to one query.
enum class SatAnswer { Unsat, Sat, Unknown };

SatAnswer sat_answer(int cadical_result);  // CaDiCaL's 10 / 20 / anything else
const char* sat_answer_name(SatAnswer a);  // "unsat", "sat", "unknown" (reports)

struct ObligationStats {
  std::string output_word;  // the output bit, "z[3]" (or the word, when it has one bit)
  SatAnswer result = SatAnswer::Unknown;
  int variables = 0;
  size_t clauses = 0;
  double seconds = 0;
  std::string cnf_path, proof_path;  // certified runs only
  bool certified = false;
  bool emitted = false;             // ObligationExchange::Emit: written, not answered
  std::string certificate_message;  // the DRUP checker's line, or why a collected answer failed
  int cases = 0;  // solved once per case of the miter's case split (miter_case_split.hpp); 0: once
};

struct MiterStats {
  double seconds = 0;
  std::vector<ObligationStats> obligations;
  std::optional<Assignment> counterexample;  // projected onto the primary inputs
  std::string differing_word;
  std::vector<SharedCut> shared_cuts;      // blocks proved once and shared by both sides
  std::vector<std::string> unshared_cuts;  // "name: reason" for declared cuts not used
  // Compositional proofs: the distinct blocks, and how the composition was checked.
  std::vector<BlockStats> blocks;
  std::string composition;  // e.g. "12 blocks abstracted; 3 glue obligations", or why not used
  // A case split, if one was used: its names and width ("alignment (6 bits)"), and per word
  // proved by cases, in word order, how far it went ("z 38 of 64 cases reached").
  std::string case_split;
  std::vector<std::string> case_split_words;
};

// "alignment (6 bits): z 38 of 64 cases reached", or "" without a case split.
std::string case_split_summary(const MiterStats& st);

}  // namespace tc
