// Independent replay of printed counterexamples (see replay.hpp).
#include "tests/support/replay.hpp"

#include <algorithm>
#include <map>
#include <sstream>
#include <stdexcept>

#include "lib/decode.hpp"
#include "lib/float_word.hpp"
#include "lib/simulate.hpp"

namespace tc::test {

namespace {

// The bits of an integer word printed as a decimal (two's complement for signed words).
std::vector<bool> integer_bits(const std::string& text, size_t width) {
  mpz_class v(text);
  if (v < 0) v += mpz_class(1) << width;
  std::vector<bool> bits(width);
  for (size_t i = 0; i < width; ++i) bits[i] = mpz_tstbit(v.get_mpz_t(), i);
  return bits;
}

// Reads back what format_word printed: "true", "201", "-3", "0", "-11 * 2^-6 (...)".
std::vector<bool> printed_bits(const Word& w, const std::string& text) {
  const size_t width = w.bits.size();
  switch (w.decoding.kind) {
    case Decoding::Kind::Bool:
      if (width == 1) return {text == "true"};
      return integer_bits(text, width);
    case Decoding::Kind::Unsigned:
    case Decoding::Kind::Signed:
      return integer_bits(text, width);
    case Decoding::Kind::Float: {
      const FloatFormat f{w.decoding.p, w.decoding.e};
      FloatValue v;
      std::istringstream in(text);
      std::string magnitude, times, power;
      in >> magnitude >> times >> power;
      v.negative = magnitude.starts_with("-");
      if (v.negative) magnitude.erase(0, 1);
      v.magnitude = std::stoull(magnitude);
      if (times == "*" && power.starts_with("2^")) v.exponent = std::stoll(power.substr(2));
      return float_to_bits(v, f);
    }
  }
  throw std::logic_error("replay: unknown decoding");
}

// A whole-circuit assignment with each input word set to its bits (found by name).
Assignment assignment(const Circuit& c, const std::map<std::string, std::vector<bool>>& words) {
  const auto& nodes = c.input_nodes();
  Assignment input(nodes.size(), false);
  for (const Word& word : c.input_words()) {
    const std::vector<bool>& bits = words.at(word.name);
    for (size_t i = 0; i < word.bits.size(); ++i) {
      const auto it = std::find(nodes.begin(), nodes.end(), word.bits[i].node());
      input[static_cast<size_t>(it - nodes.begin())] = bits.at(i) != word.bits[i].complemented();
    }
  }
  return input;
}

}  // namespace

void apply_options(const Component& c, Params& params, const std::string& options) {
  std::istringstream in(options);
  std::vector<std::string> tokens;
  for (std::string t; in >> t;) tokens.push_back(t);
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!tokens[i].starts_with("--")) throw std::invalid_argument("replay: option " + tokens[i]);
    const std::string name = tokens[i].substr(2);
    const bool has_value = i + 1 < tokens.size() && !tokens[i + 1].starts_with("--");
    if (int* field = params.field(name); field != nullptr && has_value) {
      *field = std::stoi(tokens[++i]);
    } else if (std::any_of(c.flags.begin(), c.flags.end(),
                           [&](const FlagSpec& f) { return f.name == name; })) {
      params.flags.insert(name);
    } else if (has_value) {
      ++i;  // an option of the run, not of the circuits (--engine sim)
    }
  }
}

std::string replay_counterexample(const Component& c, const Params& params,
                                  const nlohmann::json& counterexample) {
  if (!counterexample.is_object()) return "no counterexample in the report";
  const Circuit construction = c.construction(params);
  Params unmutated = params;
  unmutated.mutant.clear();
  const Circuit spec = c.spec(unmutated);
  std::map<std::string, std::vector<bool>> words;
  for (const Word& w : spec.input_words()) {
    if (!counterexample["inputs"].contains(w.name)) return "input word " + w.name + " not printed";
    const std::string text = counterexample["inputs"][w.name];
    words[w.name] = printed_bits(w, text);
    if (format_word(w.decoding, words[w.name]) != text)
      return "input " + w.name + " = " + text + " does not read back exactly";
  }
  const Assignment for_spec = assignment(spec, words);
  const Assignment for_construction = assignment(construction, words);
  if (!satisfies_constraints(spec, for_spec))
    return "the inputs violate the spec's input constraints";
  const auto spec_out = simulate_outputs(spec, for_spec);
  const auto construction_out = simulate_outputs(construction, for_construction);
  std::vector<std::string> differing;
  for (size_t i = 0; i < spec.output_words().size(); ++i) {
    const Word& w = spec.output_words()[i];
    const std::string s = format_word(w.decoding, spec_out[i]);
    const std::string k = format_word(w.decoding, construction_out[i]);
    if (counterexample["spec_output"][w.name] != s) return "spec output " + w.name + " is " + s;
    if (counterexample["construction_output"][w.name] != k)
      return "construction output " + w.name + " is " + k;
    if (spec_out[i] != construction_out[i]) differing.push_back(w.name);
  }
  if (differing.empty()) return "both circuits agree on the printed inputs";
  if (counterexample["differing_outputs"] != nlohmann::json(differing))
    return "the differing outputs are not the ones reported";
  return "";
}

}  // namespace tc::test
