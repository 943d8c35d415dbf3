// `verify eval` (see eval.hpp).
#include "verify/eval.hpp"

#include <fmt/core.h>

#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "lib/decode.hpp"
#include "lib/simulate.hpp"
#include "verify/input_values.hpp"

namespace tc {

int run_eval(const Component& c, const Params& params, const std::vector<std::string>& assignments,
             bool json) {
  const Circuit construction = c.construction(params);
  const Circuit spec = c.spec(params);
  std::map<std::string, std::string> given;
  for (const auto& a : assignments) {
    const auto eq = a.find('=');
    if (eq == std::string::npos || eq == 0)
      throw std::invalid_argument("input '" + a + "' is not of the form word=value");
    const std::string name = a.substr(0, eq);
    if (!given.emplace(name, a.substr(eq + 1)).second)
      throw std::invalid_argument("input word '" + name + "' given twice");
  }
  Assignment input;
  std::vector<std::vector<bool>> words;
  for (const Word& w : spec.input_words()) {
    auto it = given.find(w.name);
    if (it == given.end()) throw std::invalid_argument("missing input word '" + w.name + "'");
    words.push_back(parse_word_value(w, it->second));
    input.insert(input.end(), words.back().begin(), words.back().end());
    given.erase(it);
  }
  if (!given.empty())
    throw std::invalid_argument(c.name + " has no input word '" + given.begin()->first + "'");
  if (!satisfies_constraints(spec, input) || !satisfies_constraints(construction, input))
    throw std::invalid_argument("the inputs are not valid encodings");
  const auto out_c = simulate_outputs(construction, input);
  const auto out_s = simulate_outputs(spec, input);
  std::vector<std::string> reference;
  if (c.reference) reference = c.reference(params, words);
  bool agree = true;
  nlohmann::json j = {{"component", c.name}, {"p", params.p}};
  nlohmann::json jin, jout;
  for (size_t i = 0; i < spec.input_words().size(); ++i) {
    const Word& w = spec.input_words()[i];
    jin[w.name] = format_word(w.decoding, words[i]);
    if (!json) fmt::print("input  {} = {}\n", w.name, format_word(w.decoding, words[i]));
  }
  for (size_t i = 0; i < spec.output_words().size(); ++i) {
    const Word& w = spec.output_words()[i];
    const std::string sc = format_word(w.decoding, out_c[i]),
                      ss = format_word(w.decoding, out_s[i]);
    const std::string ref = i < reference.size() ? reference[i] : "(no reference evaluator)";
    agree = agree && out_c[i] == out_s[i];
    jout[w.name] = {
        {"construction", sc}, {"spec", ss}, {"reference", ref}, {"agree", out_c[i] == out_s[i]}};
    if (!json) {
      fmt::print("output {}:\n", w.name);
      fmt::print("  construction  {}\n", sc);
      fmt::print("  spec          {}\n", ss);
      fmt::print("  reference     {}\n", ref);
    }
  }
  j["inputs"] = jin;
  j["outputs"] = jout;
  j["agree"] = agree;
  if (json)
    std::cout << j.dump() << std::endl;
  else if (!agree)
    fmt::print("construction and spec DIFFER on this input\n");
  return agree ? 0 : 1;
}

}  // namespace tc
