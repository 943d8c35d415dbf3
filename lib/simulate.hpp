// Bit-parallel simulation: 64 input assignments ("lanes") per machine word, W words per run.
//
// Threshold gates are evaluated with bit-sliced counters (a binary number per lane, stored as one
// machine word per bit). The constructor compiles the circuit's cone into flat arrays (gate kind,
// fanin literals, weights), so a run touches no Node and decides no gate shape. A fanin that is 0
// in every lane is skipped and one that is 1 in every lane only lowers the threshold; the others
// add their weight's set bits to a carry-save counter (two words per bit position, a full adder
// when a third arrives), about one full adder per weight bit for 64 lanes. Exhaustive and random
// comparison of two circuits over the same input words build on it; when every valid input is
// enumerated, "no difference found" is a complete proof. Enumeration runs 256 lanes at a time
// (four words per node, which shares each gate's bookkeeping: 2 to 2.7 times the speed of one
// word on int-mul at p = 12) and may split its rounds among threads.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "lib/circuit.hpp"

namespace tc {

using Assignment = std::vector<bool>;  // one value per primary input bit, input_nodes() order

// W machine words per node: 64 W lanes per run. A wider run shares each gate's decoding, loop
// control and carry-save bookkeeping among more lanes (exhaustive enumeration runs W = 4).
template <int W>
class BasicSimulator {
 public:
  explicit BasicSimulator(const Circuit& circuit);
  // lanes[W i + k] holds lanes 64 k .. 64 k + 63 of primary input i.
  void run(const std::vector<uint64_t>& lanes);
  uint64_t value(Signal s, int word = 0) const {
    return values_[W * s.node() + word] ^ (s.complemented() ? ~0ull : 0ull);
  }
  uint64_t valid_lanes(int word = 0) const;  // lanes that satisfy every input constraint
  // Runs only the gates the input constraints read, so that valid_lanes() is current: cheap
  // where the constraints are small, so an exhaustive enumeration can skip the rounds without a
  // valid lane (a block claimed on normalized significands only is valid in few of them).
  void run_constraints(const std::vector<uint64_t>& lanes);

 private:
  enum class GateKind : uint8_t { Xor, And, Or, Threshold };
  struct Gate {
    uint32_t node;  // where the value goes
    GateKind kind;
    uint8_t width;          // Threshold: counter bits (the weight sum fits, plus one)
    uint32_t first, count;  // fanins_[first, first + count), and weights_ for Threshold
    int64_t threshold;
    int32_t shared = -1;  // Threshold: its weighted sum in shared_, when other gates read it too
  };
  // A weighted sum read by several gates at different thresholds ([S >= T_k], as CRT residues and
  // telescoping sums are): added up once per run, then compared once per gate.
  struct SharedSum {
    size_t planes;       // the resolved sum's bit planes: sum_planes_[planes, planes + W width)
    int64_t offset = 0;  // the weight of the fanins set in every lane (not in the planes)
    uint64_t run = 0;    // the run the planes are from
  };

  const Circuit& circuit_;
  std::vector<Gate> gates_;                 // the cone of outputs and constraints, topological
  std::vector<uint32_t> constraint_gates_;  // indices into gates_ of the constraints' cone
  std::vector<uint32_t> fanins_;            // fanin literals of every gate, gate after gate
  std::vector<int64_t> weights_;            // Threshold: weights beside fanins_ (others: unused)
  std::vector<uint64_t> values_;            // W words per node, one bit per lane
  std::vector<uint64_t> slots_;  // carry-save counter: W words each at 2b and 2b + 1, bit b
  std::vector<uint64_t> sum_;    // a gate's resolved sum, one plane (W words) per bit
  std::vector<SharedSum> shared_;
  std::vector<uint64_t> sum_planes_;
  uint64_t run_ = 0;  // counts the runs (set_inputs), so a shared sum knows whether it is current

  int64_t weighted_sum(const Gate& g, uint64_t* planes);
  void threshold_value(const Gate& g, uint64_t* out);
  void set_inputs(const std::vector<uint64_t>& lanes);
  void evaluate(const Gate& g);
};

// 64 lanes per run.
using Simulator = BasicSimulator<1>;

// Values of every output word (outer: word, inner: bits) for one assignment.
std::vector<std::vector<bool>> simulate_outputs(const Circuit& circuit, const Assignment& input);
bool satisfies_constraints(const Circuit& circuit, const Assignment& input);

struct CompareParams {
  uint64_t random_rounds =
      0;  // 0: enumerate all 2^inputs assignments; else this many 64-lane rounds
  uint64_t seed = 1;
  // Random rounds only: float input words (Decoding::Float) are drawn as valid encodings (leading
  // bit set, or the canonical zero in about one lane in eight), so that wide float interfaces
  // are not almost always invalid.
  bool valid_floats = false;
  std::function<void(double fraction)> progress;  // called now and then during long runs
  double timeout_seconds = 0;  // 0: none; when it passes, the result is incomplete
  // Exhaustive runs only: threads that enumerate side by side (each with simulators of its own).
  // The result does not depend on it: a difference found is the first in enumeration order.
  int threads = 1;
};

struct CompareResult {
  bool complete = false;                 // every input assignment was checked
  std::optional<Assignment> difference;  // a valid input where some output word differs
  uint64_t valid_points = 0;             // valid assignments checked
};

// Positions (input_nodes() order) of the inputs that some output or constraint of a or b reads.
std::vector<int> used_input_positions(const Circuit& a, const Circuit& b);

// Compares the output words of two circuits that declare the same input words (checked).
// An assignment counts only when it satisfies both circuits' constraints. Exhaustive runs
// enumerate the inputs that are read (used_input_positions) and hold the rest at 0.
CompareResult compare_by_simulation(const Circuit& a, const Circuit& b,
                                    const CompareParams& params);

// Throws std::invalid_argument naming the first mismatch in input or output words.
void check_same_interface(const Circuit& a, const Circuit& b);

}  // namespace tc
