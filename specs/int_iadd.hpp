// Spec of int-iadd: the schoolbook circuit from int_ripple.hpp over the same words as the
// construction (see int_iadd.cpp).
#pragma once

#include "lib/component.hpp"

namespace tc {

Circuit build_int_iadd_spec(const Params& params);

}  // namespace tc
