// libFuzzer target: the CLI's value parsers. The first byte picks one: `verify eval --inputs`
// values (verify/input_values.hpp) for an unsigned, signed, bool or float word of a width taken
// from the next two bytes, or a `--weights` JSON file (verify/weights.hpp). Any input must either
// parse or be rejected with std::invalid_argument (the CLI's one error line).
#include <cstdint>
#include <sstream>
#include <stdexcept>
#include <string>

#include "verify/input_values.hpp"
#include "verify/weights.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 3) return 0;
  const uint8_t which = data[0] % 5, shape = data[1], shape2 = data[2];
  const std::string text(reinterpret_cast<const char*>(data) + 3, size - 3);
  try {
    if (which == 4) {
      std::istringstream in(text);
      tc::read_weights_json(in, "fuzz.json");
      return 0;
    }
    tc::Word word;
    word.name = "x";
    int width = 1 + shape % 64;
    if (which == 0) word.decoding = tc::Decoding::unsigned_int();
    if (which == 1) word.decoding = tc::Decoding::signed_int();
    if (which == 2) word.decoding = tc::Decoding::boolean(), width = 1;
    if (which == 3) {  // p in 2..16, exponent bits in 2..20: the registry's float formats
      const int p = 2 + shape % 15, e = 2 + shape2 % 19;
      word.decoding = tc::Decoding::floating(p, e);
      width = p + e + 1;
    }
    word.bits.assign(static_cast<size_t>(width), tc::kFalse);
    const auto bits = tc::parse_word_value(word, text);
    if (bits.size() != static_cast<size_t>(width)) __builtin_trap();
  } catch (const std::invalid_argument&) {
  }
  return 0;
}
