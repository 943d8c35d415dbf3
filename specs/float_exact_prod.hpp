// Exact references for iterated float products: the exact rational product, rounded once.
//
// Paper Lemma 3.12 part 3 and Lemma B.1 (Chiang Lemma 11): an iterated product is round_p of the
// exact product, not a chain of rounded pairwise products. These evaluators build on the GMP
// evaluator of specs/float_exact.hpp (round_to_float and its edge-case decisions) and are the
// oracle that the fprod and hadamard specs are cross-checked against.
#pragma once

#include <gmpxx.h>

#include <vector>

#include "specs/float_exact.hpp"

namespace tc {

// x_1 * ... * x_n exactly (1 for no operand).
mpq_class exact_product_value(const std::vector<FloatValue>& xs);
// round_p(x_1 * ... * x_n).
FloatValue exact_prod(const std::vector<FloatValue>& xs, FloatFormat f);
// round_p(x_i * y_i) for each i; throws std::invalid_argument when the lengths differ.
std::vector<FloatValue> exact_hadamard(const std::vector<FloatValue>& xs,
                                       const std::vector<FloatValue>& ys, FloatFormat f);

}  // namespace tc
