// The real-valued selective SSM layer and Mamba block, in MPFR at high precision: what the
// rounded algorithms of specs/selective_ssm.hpp and specs/mamba.hpp approximate.
//
// Same formulas as those headers with every operation exact (exp, log1p, expm1 and division at
// kSsmRealBits bits, round to nearest; the result is within 2^-200 relative of the real value
// for the small layers built here, far below any float format's unit). Besides the outputs, the
// trace keeps the magnitude of each output's computation, S = sum over its scan terms of
// |C_t,n prod Abar Bbar_i x_i| (plus |D_skip x_t| with the skip), against which the end-to-end
// lemma bounds the absolute error, and every intermediate value, so a measurement can check the
// lemma's domain (no intermediate below the format's min or above its max).
// The reference evaluators (one line per output word, for `verify eval`) live here too: they
// print the real-valued layer and its rounding round_p(y), computed without circuits.
#pragma once

#include <gmpxx.h>

#include <map>
#include <string>
#include <vector>

#include "lib/component.hpp"
#include "lib/float_word.hpp"

namespace tc {

inline constexpr int kSsmRealBits = 256;

// The layer's inputs as exact rationals. Weight fields by name, row-major (as Params::weights).
struct SsmLayerInput {
  int L = 2, N = 1, D = 1, K = 2;
  bool euler = false, skip = false, gate = false;
  std::vector<std::vector<mpq_class>> x, z;  // [t][d]; z only with gate
  std::map<std::string, std::vector<mpq_class>> w;
};

struct SsmLayerTrace {
  std::vector<std::vector<mpq_class>> y;          // [t][d], the outputs (rounded from 256 bits)
  std::vector<std::vector<mpq_class>> magnitude;  // [t][d], S above
  std::vector<mpq_class> intermediates;           // every nonzero intermediate value, |.|
  mpq_class max_abs_v = 0;    // max |x_t W_delta + b_delta| (Delta's pre-activation)
  mpq_class max_delta_a = 0;  // max Delta_t,d |A_d,n|
};

// The selective SSM layer (specs/selective_ssm.hpp) on exact inputs.
SsmLayerTrace selective_ssm_real(const SsmLayerInput& in);
// The Mamba block (specs/mamba.hpp): x is the block's input; the SSM runs with skip and gate.
SsmLayerTrace mamba_real(const SsmLayerInput& in);

// The input words of a circuit of the component (x, z with gate, weights that are inputs) as an
// SsmLayerInput; constant weights from params.weights.
SsmLayerInput selective_ssm_input(const Params& params,
                                  const std::vector<std::vector<bool>>& inputs);
SsmLayerInput mamba_input(const Params& params, const std::vector<std::vector<bool>>& inputs);

// Reference evaluators: "y0_0: real-valued layer 0.2841... (MPFR, 256 bits), round_p = ...".
std::vector<std::string> selective_ssm_reference(const Params& params,
                                                 const std::vector<std::vector<bool>>& inputs);
std::vector<std::string> mamba_reference(const Params& params,
                                         const std::vector<std::vector<bool>>& inputs);

}  // namespace tc
