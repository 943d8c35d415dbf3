// A circuit's structure as text (see circuit_fingerprint.hpp).
#include "lib/circuit_fingerprint.hpp"

#include <cstdint>

namespace tc {

std::string circuit_fingerprint(const Circuit& c) {
  std::string s;
  auto put = [&s](char tag, int64_t v) {
    s.push_back(tag);
    s.append(std::to_string(v));
  };
  for (const auto& w : c.input_words()) put('i', static_cast<int64_t>(w.bits.size()));
  for (uint32_t n = 1; n < c.num_nodes(); ++n) {
    const Node& node = c.node(n);
    put('n', static_cast<int64_t>(node.kind));
    for (size_t i = 0; i < node.fanins.size(); ++i) {
      put('f', node.fanins[i].literal());
      if (i < node.weights.size()) put('*', node.weights[i]);
    }
    put('>', node.threshold);
  }
  for (const auto& w : c.output_words())
    for (Signal b : w.bits) put('o', b.literal());
  for (Signal b : c.constraints()) put('c', b.literal());
  return s;
}

}  // namespace tc
