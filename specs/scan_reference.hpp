// Exact models of the SSM scan and convolution components, on GMP rationals
// (specs/float_exact*.hpp):
//  - the algorithms as the specs define them, block by block "exact, then round once" (the
//    closed form, the rounded recurrence, the kernel and the convolution): what the circuits must
//    output, bit for bit (tests compare them with the simulated spec circuits);
//  - the exact real recurrence h_t = Abar_t h_(t-1) + Bbar_t x_t, y_t = C_t . h_t (no rounding),
//    and its magnitude S_t = sum_n |C_t[n]| M_t[n], M_t = |Abar_t| M_(t-1) + |Bbar_t x_t|, the
//    scale of the error bounds of specs/scan_lemmas.hpp;
//  - the ReferenceEvaluators of `verify eval`: one line per output word.
#pragma once

#include <gmpxx.h>

#include <string>
#include <vector>

#include "lib/component.hpp"
#include "lib/float_word.hpp"

namespace tc {

struct ScanInputs {
  std::vector<std::vector<FloatValue>> A, B, C;  // [t][n]
  std::vector<FloatValue> x;                     // [t]
};
// Decodes the input words of scan (lib/ssm_words.hpp order).
ScanInputs scan_inputs(const Params& params, const std::vector<std::vector<bool>>& words);
// The input words, the inverse of scan_inputs (for simulation).
std::vector<std::vector<bool>> scan_words(const ScanInputs& in, FloatFormat f);

struct ScanTrace {
  std::vector<std::vector<FloatValue>> h;  // [t][n]
  std::vector<FloatValue> y;
  bool out_of_range =
      false;  // some block's exact result overflowed max or fell below min (nonzero)
};
ScanTrace scan_closed_model(const ScanInputs& in, FloatFormat f);
ScanTrace scan_recurrent_model(const ScanInputs& in, FloatFormat f);

struct ScanExact {
  std::vector<std::vector<mpq_class>> h, M;  // [t][n]
  std::vector<mpq_class> y, S;               // [t]
};
ScanExact scan_exact(const ScanInputs& in);

// Time-invariant parameters (conv-kernel, conv-ssm).
struct ConvInputs {
  std::vector<FloatValue> A, B, C;  // [n]
  std::vector<FloatValue> x;        // [t] (conv-ssm only)
};
ConvInputs conv_inputs(const Params& params, const std::vector<std::vector<bool>>& words,
                       bool with_x);
std::vector<std::vector<bool>> conv_words(const ConvInputs& in, FloatFormat f, bool with_x);
std::vector<FloatValue> conv_kernel_model(const ConvInputs& in, int L, FloatFormat f);
std::vector<FloatValue> conv_ssm_model(const ConvInputs& in, int L, FloatFormat f);
std::vector<mpq_class> conv_kernel_exact(const ConvInputs& in, int L);
std::vector<mpq_class> conv_ssm_exact(const ConvInputs& in, int L);

std::vector<std::string> scan_reference(const Params& params,
                                        const std::vector<std::vector<bool>>& words);
std::vector<std::string> conv_kernel_reference(const Params& params,
                                               const std::vector<std::vector<bool>>& words);
std::vector<std::string> conv_ssm_reference(const Params& params,
                                            const std::vector<std::vector<bool>>& words);

}  // namespace tc
