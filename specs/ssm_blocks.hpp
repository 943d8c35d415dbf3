// The spec blocks of the SSM scan and convolution specs (specs/scan.cpp, specs/conv.cpp): each
// embeds one float spec builder ("exact, then round once") with lib/compose.hpp as a block cut of
// the given role name, the same name the constructions give their blocks.
#pragma once

#include <string>
#include <vector>

#include "lib/circuit.hpp"
#include "lib/float_word.hpp"

namespace tc {

// "term-2-0-1": a role name from a kind and one to three indices (-1: absent).
std::string ssm_cut_name(const char* kind, int a, int b = -1, int c = -1);
// round_p(ops[0] * ... * ops[k-1]): the fmul spec for two operands ("x", "y"), the fprod spec
// for more ("x0" ...); one operand passes through without a block.
Bits ssm_spec_product(Circuit& host, const std::vector<Bits>& ops, FloatFormat f,
                      const std::string& name);
// round_p(ops[0] + ... + ops[k-1]) by the fsum spec; one operand passes through.
Bits ssm_spec_sum(Circuit& host, const std::vector<Bits>& ops, FloatFormat f,
                  const std::string& name);
// round_p(x + y) by the fadd spec.
Bits ssm_spec_add(Circuit& host, const Bits& x, const Bits& y, FloatFormat f,
                  const std::string& name);
// round_p(sum_k a_k b_k) by the matmul spec (1 x n by n x 1).
Bits ssm_spec_dot(Circuit& host, const std::vector<Bits>& a, const std::vector<Bits>& b,
                  FloatFormat f, const std::string& name);

}  // namespace tc
