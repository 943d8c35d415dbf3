// Bit-parallel checking of float circuits against an oracle (see float_check.hpp).
//
// Each batch packs up to 64 points into simulator lanes (bit i of input j = lane i's value of
// input j), runs tc::Simulator once, then compares lane by lane with the oracle. The sampler is
// splitmix64, so a seed fixes every point and a failure reproduces exactly.
#include "tests/support/float_check.hpp"

#include <algorithm>
#include <stdexcept>

#include "lib/decode.hpp"
#include "lib/simulate.hpp"

namespace tc {

namespace {

// Position of each bit of each input word among the circuit's primary inputs.
std::vector<std::vector<size_t>> input_positions(const Circuit& circuit, FloatFormat f) {
  const auto& nodes = circuit.input_nodes();
  std::vector<std::vector<size_t>> positions;
  for (const Word& w : circuit.input_words()) {
    if (static_cast<int>(w.bits.size()) != f.width() || w.decoding != float_decoding(f))
      throw std::invalid_argument("float_check: input word '" + w.name + "' of '" + circuit.name() +
                                  "' is not a float word of this format");
    std::vector<size_t> pos;
    for (Signal s : w.bits)
      pos.push_back(
          static_cast<size_t>(std::find(nodes.begin(), nodes.end(), s.node()) - nodes.begin()));
    positions.push_back(pos);
  }
  return positions;
}

std::string describe(const Circuit& circuit, FloatFormat f, const std::vector<FloatValue>& inputs,
                     const std::vector<std::vector<bool>>& got,
                     const std::vector<std::vector<bool>>& expected) {
  std::string s = circuit.name() + ":";
  for (size_t i = 0; i < inputs.size(); ++i)
    s += " " + circuit.input_words()[i].name + " = " +
         format_word(float_decoding(f), float_to_bits(inputs[i], f)) + ";";
  for (size_t w = 0; w < got.size(); ++w) {
    const Word& word = circuit.output_words()[w];
    s += " " + word.name + " = " + format_word(word.decoding, got[w]);
    if (got[w] != expected[w]) s += " (expected " + format_word(word.decoding, expected[w]) + ")";
    s += ";";
  }
  return s;
}

}  // namespace

FloatCheckResult float_check(const Circuit& circuit, FloatFormat f, uint64_t count,
                             const FloatCaseGenerator& next, const FloatOracle& oracle) {
  const auto positions = input_positions(circuit, f);
  const auto& outputs = circuit.output_words();
  Simulator sim(circuit);
  FloatCheckResult result;
  std::vector<uint64_t> lanes(circuit.num_input_bits());
  std::vector<std::vector<FloatValue>> batch(64, std::vector<FloatValue>(positions.size()));
  for (uint64_t start = 0; start < count; start += 64) {
    const int n = static_cast<int>(std::min<uint64_t>(64, count - start));
    std::fill(lanes.begin(), lanes.end(), 0);
    for (int lane = 0; lane < n; ++lane) {
      next(start + lane, batch[lane]);
      for (size_t w = 0; w < positions.size(); ++w) {
        const std::vector<bool> bits = float_to_bits(batch[lane][w], f);
        for (size_t i = 0; i < bits.size(); ++i)
          if (bits[i]) lanes[positions[w][i]] |= uint64_t{1} << lane;
      }
    }
    sim.run(lanes);
    const uint64_t valid = sim.valid_lanes();
    for (int lane = 0; lane < n; ++lane) {
      const std::vector<FloatValue>& inputs = batch[lane];
      std::vector<std::vector<bool>> expected = oracle(inputs);
      if (expected.size() != outputs.size())
        throw std::invalid_argument("float_check: oracle gives " + std::to_string(expected.size()) +
                                    " words, '" + circuit.name() + "' has " +
                                    std::to_string(outputs.size()));
      std::vector<std::vector<bool>> got;
      for (const Word& w : outputs) {
        std::vector<bool> bits;
        for (Signal s : w.bits) bits.push_back((sim.value(s) >> lane) & 1);
        got.push_back(bits);
      }
      bool ok = got == expected && ((valid >> lane) & 1);
      for (const FloatValue& v : inputs) ok = ok && float_is_valid(v, f);
      ++result.checked;
      if (ok) continue;
      if (++result.mismatches == 1) {
        result.first_mismatch = describe(circuit, f, inputs, got, expected);
        if (!((valid >> lane) & 1)) result.first_mismatch += " input rejected by a constraint;";
      }
    }
  }
  return result;
}

FloatCaseGenerator float_all_pairs(const std::vector<FloatValue>& values) {
  return [&values](uint64_t index, std::vector<FloatValue>& inputs) {
    inputs.assign({values[index / values.size()], values[index % values.size()]});
  };
}

FloatCaseGenerator float_all_singles(const std::vector<FloatValue>& values) {
  return [&values](uint64_t index, std::vector<FloatValue>& inputs) {
    inputs.assign({values[index]});
  };
}

}  // namespace tc
