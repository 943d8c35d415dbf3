// Exact references for iterated float operations, on GMP rationals: the sum of n floats and
// the dot product of two float vectors, each exact and then rounded once by round_to_float
// (specs/float_exact.hpp). Also the step-by-step rounded sum, which the fsum mutant
// "step-by-step-rounding" computes and tests use to show where rounding order matters.
#pragma once

#include <gmpxx.h>

#include <vector>

#include "lib/float_word.hpp"

namespace tc {

mpq_class exact_sum_value(const std::vector<FloatValue>& xs);
mpq_class exact_dot_value(const std::vector<FloatValue>& xs, const std::vector<FloatValue>& ys);

// round_p(x_0 + ... + x_(n-1)).
FloatValue exact_sum(const std::vector<FloatValue>& xs, FloatFormat f);
// round_p(sum_i x_i y_i); xs and ys of equal length (std::invalid_argument otherwise).
FloatValue exact_dot(const std::vector<FloatValue>& xs, const std::vector<FloatValue>& ys,
                     FloatFormat f);
// round_p(...round_p(round_p(x_0 + x_1) + x_2)... + x_(n-1)): one rounding per addition.
FloatValue stepwise_sum(const std::vector<FloatValue>& xs, FloatFormat f);

}  // namespace tc
