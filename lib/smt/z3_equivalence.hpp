// A second-opinion equivalence engine on Z3, independent of our CNF encodings and of CaDiCaL.
//
// Both circuits are encoded directly (not through build_miter, so a bug there cannot hide here)
// over one boolean constant per input bit, with the input-validity constraints of both and "some
// output bit differs" asserted. AND and OR gates become plain conjunctions and disjunctions, Xor
// gates xor; other threshold gates, by default, a bit-vector sum of ite(x, w, 0) compared with
// bvuge to T (width: enough bits for the weight sum, so no overflow), solved by Z3's QF_BV solver
// (bit-blasting to its SAT core). Measured with Z3 4.8.12 at p = 6 on a loaded 2-core machine,
// construction vs spec: int-iadd bit-vector 0.4 s, integer sums 3.9 s, z3::pbge > 20 s;
// int-mul 0.9 s, pbge 3.4 s, integer sums > 20 s; int-cmp 0.19 s, pbge 0.03 s. The other two
// encodings stay selectable for differential testing. Not used: pbge under the "QF_FD" solver,
// which answered SAT with a model that does not replay on int-mul at p = 4 (Z3 4.8.12).
// Reads lib/circuit.hpp and lib/simulate.hpp (Assignment, check_same_interface).
#pragma once

#include <optional>

#include "lib/circuit.hpp"
#include "lib/simulate.hpp"

namespace tc {

enum class Z3ThresholdEncoding {
  BitVectorSum,   // bvuge(sum of ite(x, w, 0), T), QF_BV solver
  PseudoBoolean,  // z3::pbge, default solver; bit-vector sums where a weight exceeds an int
  IntegerSum,     // integer sum of ite(x, w, 0) >= T, default solver
};

// true: equal on every input valid for both circuits; false: a counterexample, projected onto the
// input bits in input_nodes() order, is stored in *counterexample (when given) for the caller to
// replay; nullopt: Z3 gave up or hit the timeout (timeout_seconds <= 0: no limit).
// Throws std::invalid_argument when the interfaces differ, std::runtime_error on a Z3 error.
std::optional<bool> check_equivalence_z3(
    const Circuit& construction, const Circuit& spec, double timeout_seconds,
    std::optional<Assignment>* counterexample,
    Z3ThresholdEncoding encoding = Z3ThresholdEncoding::BitVectorSum);

}  // namespace tc
