// Spec of int-mul: the schoolbook circuit from int_ripple.hpp over the same words as the
// construction (see int_mul.cpp).
#pragma once

#include "lib/component.hpp"

namespace tc {

Circuit build_int_mul_spec(const Params& params);

}  // namespace tc
