// Embedding by input word names (see compose_by_name.hpp).
#include "lib/compose_by_name.hpp"

#include <stdexcept>
#include <utility>
#include <vector>

namespace tc {

Embedded compose_embed_by_name(Circuit& host, const Circuit& sub, const WordFeed& feed,
                               const ComposeOptions& options) {
  std::vector<Bits> inputs;
  for (const Word& w : sub.input_words()) {
    try {
      inputs.push_back(feed(w.name));
    } catch (const std::exception& e) {
      throw std::invalid_argument("embedding '" + sub.name() + "': input word '" + w.name +
                                  "': " + e.what());
    }
  }
  return compose_embed(host, sub, inputs, options);
}

}  // namespace tc
