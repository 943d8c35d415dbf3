// The component registry: one entry per construction, joining it with its spec and mutants.
#pragma once

#include <string>
#include <vector>

#include "lib/component.hpp"

namespace tc {

const std::vector<Component>& all_components();
const Component* find_component(const std::string& name);  // nullptr when unknown

}  // namespace tc
