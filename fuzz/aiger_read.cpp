// libFuzzer target: the AIGER reader (lib/io/aiger_read.hpp), ASCII and binary alike (the header
// decides). Any input must either be rejected with a CircuitReadError or read into a circuit.
#include "lib/io/aiger_read.hpp"

#include <cstdint>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  try {
    tc::read_aiger(in, "fuzz.aig");
  } catch (const tc::CircuitReadError&) {
  }
  return 0;
}
