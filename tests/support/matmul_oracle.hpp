// The exact evaluator of matmul for float_check (tests/support/float_check.hpp): each entry the
// exact dot product rounded once, on the input words in circuit order (A row-major, then B
// row-major). Shared by the tests of the matmul spec, its construction and fsum's windows.
#pragma once

#include "lib/component.hpp"
#include "lib/float_word.hpp"
#include "tests/support/float_check.hpp"

namespace tc::test {

FloatOracle matmul_oracle(const Params& params, FloatFormat f);

}  // namespace tc::test
