// Spec of int-cmp: the schoolbook circuit from int_ripple.hpp over the same words as the
// construction (see int_cmp.cpp).
#pragma once

#include "lib/component.hpp"

namespace tc {

Circuit build_int_cmp_spec(const Params& params);

}  // namespace tc
