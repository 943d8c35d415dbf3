// Embedding a circuit as a block (see compose.hpp).
#include "lib/compose.hpp"

#include <stdexcept>

#include "lib/float_word.hpp"

namespace tc {

const Bits& Embedded::output(const std::string& name) const {
  auto it = outputs.find(name);
  if (it == outputs.end())
    throw std::out_of_range("embedded block '" + block_name + "' has no output word '" + name +
                            "'");
  return it->second;
}

Embedded compose_embed(Circuit& host, const Circuit& sub, const std::vector<Bits>& inputs,
                       const ComposeOptions& options) {
  const auto& words = sub.input_words();
  if (inputs.size() != words.size())
    throw std::invalid_argument("compose_embed of '" + sub.name() +
                                "': " + std::to_string(inputs.size()) +
                                " input words given, it has " + std::to_string(words.size()));
  std::vector<Signal> flat;
  for (size_t i = 0; i < words.size(); ++i) {
    if (inputs[i].size() != words[i].bits.size())
      throw std::invalid_argument("compose_embed of '" + sub.name() + "': input word '" +
                                  words[i].name + "' has " + std::to_string(words[i].bits.size()) +
                                  " bits, " + std::to_string(inputs[i].size()) + " given");
    flat.insert(flat.end(), inputs[i].begin(), inputs[i].end());
  }
  // Input words list their bits in input_nodes() order (word by word, LSB first), which is
  // the order import() maps them in.
  const std::vector<Signal> map = host.import(sub, flat);
  auto mapped = [&](Signal s) { return map[s.node()] ^ s.complemented(); };
  auto mapped_bits = [&](const Bits& bits) {
    Bits out;
    out.reserve(bits.size());
    for (Signal s : bits) out.push_back(mapped(s));
    return out;
  };

  Embedded result;
  result.block_name = sub.name();
  for (const Word& w : sub.output_words()) result.outputs[w.name] = mapped_bits(w.bits);
  for (Signal c : sub.constraints()) result.constraints.push_back(mapped(c));
  if (!options.cut_prefix.empty())
    for (const Circuit::Cut& cut : sub.cuts())
      host.add_cut(options.cut_prefix + cut.name, mapped_bits(cut.inputs), mapped_bits(cut.outputs),
                   mapped(cut.assumption), mapped(cut.guarantee), cut.block, cut.decoding);
  if (!options.block_cut.empty()) {
    Bits outs;
    Bits valid;
    for (const Word& w : sub.output_words()) {
      const Bits& bits = result.outputs.at(w.name);
      outs.insert(outs.end(), bits.begin(), bits.end());
      if (w.decoding.kind == Decoding::Kind::Float)
        valid.push_back(float_valid(host, bits, FloatFormat{w.decoding.p, w.decoding.e}));
    }
    const Signal guarantee = valid.empty()       ? kTrue
                             : valid.size() == 1 ? valid[0]
                                                 : host.create_and(valid);
    // One float output word (every float block's shape) reads as that float.
    const auto& words = sub.output_words();
    const Decoding decoding = words.size() == 1 && words[0].decoding.kind == Decoding::Kind::Float
                                  ? words[0].decoding
                                  : Decoding::unsigned_int();
    host.add_cut(options.block_cut, flat, outs, compose_constraints_hold(host, result), guarantee,
                 true, decoding);
  }
  return result;
}

Embedded compose_embed(Circuit& host, const Circuit& sub,
                       const std::vector<std::pair<std::string, Bits>>& named_inputs,
                       const ComposeOptions& options) {
  const auto& words = sub.input_words();
  std::vector<Bits> inputs(words.size());
  std::vector<char> given(words.size(), 0);
  for (const auto& [name, bits] : named_inputs) {
    size_t i = 0;
    while (i < words.size() && words[i].name != name) ++i;
    if (i == words.size())
      throw std::invalid_argument("compose_embed of '" + sub.name() + "': no input word '" + name +
                                  "'");
    if (given[i])
      throw std::invalid_argument("compose_embed of '" + sub.name() + "': input word '" + name +
                                  "' given twice");
    given[i] = 1;
    inputs[i] = bits;
  }
  for (size_t i = 0; i < words.size(); ++i)
    if (!given[i])
      throw std::invalid_argument("compose_embed of '" + sub.name() + "': input word '" +
                                  words[i].name + "' not given");
  return compose_embed(host, sub, inputs, options);
}

Signal compose_constraints_hold(Circuit& host, const Embedded& block) {
  if (block.constraints.empty()) return kTrue;
  if (block.constraints.size() == 1) return block.constraints[0];
  return host.create_and(block.constraints);
}

}  // namespace tc
