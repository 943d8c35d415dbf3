// Spec of int-add: the schoolbook circuit from int_ripple.hpp over the same words as the
// construction (see int_add.cpp).
#pragma once

#include "lib/component.hpp"

namespace tc {

Circuit build_int_add_spec(const Params& params);

}  // namespace tc
