// Reading constant weights for a component from a JSON file (`verify --weights FILE`).
#pragma once

#include <istream>
#include <string>

#include "lib/component.hpp"

namespace tc {

// The file is one JSON object; each field is a number, a string, or an array (nested arrays are
// read row-major) of them. Numbers are taken exactly as the binary doubles they denote; strings
// are "m,e" (m * 2^e) or an exact decimal or fraction ("0.375", "-3/8") that must be a binary
// fraction. Whether each value fits the component's float format is checked by the component.
// Throws std::invalid_argument with a one-line message naming the file, and the field where one
// is at fault.
std::map<std::string, std::vector<FloatConstant>> read_weights_file(const std::string& path);

// The same from a stream; `source` names it in messages ("weights file PATH").
std::map<std::string, std::vector<FloatConstant>> read_weights_json(std::istream& in,
                                                                    const std::string& source);

}  // namespace tc
