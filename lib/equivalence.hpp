// Equivalence verdicts: pick an engine, run it, and replay any counterexample before reporting it.
//
// Engines: exhaustive simulation (a complete proof when every input assignment is enumerated) and
// the SAT miter. `Auto` simulates when the input space is small enough (REFERENCE.md section 5).
// A counterexample from either engine is replayed by simulating both original circuits; if the
// replay does not show a valid input with differing outputs, that is an internal error
// (ReplayError), never a finding. A time or conflict limit gives Unknown, never Proved.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "lib/circuit.hpp"
#include "lib/sat/miter.hpp"
#include "lib/simulate.hpp"

namespace tc {

enum class Engine { Auto, Sat, Sim, Z3 };  // Z3: a second opinion on the same miter (lib/smt)
// Emitted: the SAT obligations were written for outside solvers (ObligationExchange::Emit); no
// verdict until their answers are collected.
enum class Verdict { Proved, Counterexample, Unknown, Emitted };

const char* engine_name(Engine e);
const char* verdict_name(Verdict v);  // "proved", "counterexample", "unknown", "emitted"

struct EquivalenceParams {
  Engine engine = Engine::Auto;
  int max_sim_input_bits = 24;  // Auto simulates up to 2^24 assignments
  // ... and a composition of blocks only while 2^bits x wires stays below this (else SAT).
  double max_sim_wire_evaluations = 0x1p36;
  // Past 2^24 and up to 2^32 assignments Auto tries SAT first, with this many conflicts per
  // obligation and this many seconds in all, and enumerates when SAT stops there: SAT proves most
  // such pairs in seconds (fadd at p = 6, fsum's exact-sum block at p = 2), but not two different
  // 14- or 16-bit multipliers, which enumeration proves in minutes (on miter.jobs threads). Not
  // with a proof directory (every step then needs a certificate, which only SAT gives), nor for
  // a composition of blocks (proved block by block, each block with this fallback of its own),
  // nor where 2^bits x wires passes the bound below (half an hour of enumeration on one core
  // where every input is valid; int-mul at p = 16, 2^48.2, takes 17 minutes of CPU): SAT runs on.
  int max_fallback_sim_input_bits = 32;
  double max_fallback_wire_evaluations = 0x1p49;
  int fallback_conflict_limit = 300000;
  double fallback_sat_seconds = 30;
  MiterParams miter;  // timeout (every engine); proofs and progress (SAT)
};

// A replayed counterexample: the input, and every output word of both sides, simulated.
struct Counterexample {
  Assignment input;
  std::vector<std::vector<bool>> construction_outputs;
  std::vector<std::vector<bool>> spec_outputs;
  std::vector<std::string> differing_words;
};

struct EquivalenceResult {
  Verdict verdict = Verdict::Unknown;
  Engine engine = Engine::Auto;  // the engine that ran
  double seconds = 0;
  uint64_t simulated_points = 0;  // sim engine: valid assignments checked
  MiterStats sat;                 // sat engine: obligations
  // Auto's SAT attempt that stopped at its conflict budget before enumeration took over (the
  // fallback above); empty otherwise.
  std::string sat_first;
  std::optional<Counterexample> counterexample;
};

struct ReplayError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Simulates both circuits on `input`; throws ReplayError unless the input is valid for both and
// some output word differs.
Counterexample replay_counterexample(const Circuit& construction, const Circuit& spec,
                                     const Assignment& input);

EquivalenceResult check_equivalence(const Circuit& construction, const Circuit& spec,
                                    const EquivalenceParams& params);

}  // namespace tc
