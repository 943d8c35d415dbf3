// libFuzzer target: the .tc text reader (lib/io/circuit_text.hpp). Any input must either be
// rejected with a CircuitReadError or read into a circuit whose written text reads back to the
// same text (the identity the writer promises); anything else (a crash, a sanitizer report, an
// uncaught exception, a round trip that changes the text) is a finding.
#include "lib/io/circuit_text.hpp"

#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  try {
    const tc::Circuit c = tc::read_circuit_text(in, "fuzz.tc");
    std::ostringstream first;
    tc::write_circuit_text(first, c);
    std::istringstream again(first.str());
    const tc::Circuit back = tc::read_circuit_text(again, "written.tc");
    std::ostringstream second;
    tc::write_circuit_text(second, back);
    if (first.str() != second.str()) std::abort();
  } catch (const tc::CircuitReadError&) {
  }
  return 0;
}
