// A user's circuit file in place of the construction (see user_circuit.hpp).
#include "verify/user_circuit.hpp"

#include <fmt/core.h>

#include <fstream>
#include <map>
#include <new>

#include "lib/export/atomic_files.hpp"
#include "lib/io/aiger_read.hpp"
#include "lib/io/circuit_text.hpp"
#include "verify/run_component.hpp"

namespace tc {

namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::vector<std::pair<std::string, int>> word_shapes(const std::vector<Word>& words) {
  std::vector<std::pair<std::string, int>> shapes;
  for (const Word& w : words) shapes.push_back({w.name, static_cast<int>(w.bits.size())});
  return shapes;
}

Circuit read_file(const std::string& path, const Circuit& spec, size_t& constraints) {
  const bool text = ends_with(path, ".tc"),
             aiger = ends_with(path, ".aag") || ends_with(path, ".aig");
  if (!text && !aiger)
    throw UsageError(
        fmt::format("{}: unknown circuit format (the name must end in .tc, .aag or .aig)", path));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError(fmt::format("cannot read {}", path));
  try {
    if (text) {
      TextReadOptions options;
      options.on_constraint = [&](Signal) { ++constraints; };
      return read_circuit_text(in, path, options);
    }
    AigerReadOptions options;
    options.default_inputs = word_shapes(spec.input_words());
    options.default_outputs = word_shapes(spec.output_words());
    return read_aiger(in, path, options);
  } catch (const CircuitReadError& e) {
    throw UsageError(e.what());
  } catch (const std::bad_alloc&) {
    throw UsageError(fmt::format("{}: out of memory while reading the circuit", path));
  }
}

// One line per word the file and the spec disagree on.
void check_words(const std::string& path, const char* kind, const std::vector<Word>& mine,
                 const std::vector<Word>& spec, std::vector<std::string>& errors) {
  std::map<std::string, size_t> width;
  for (const Word& w : mine) width[w.name] = w.bits.size();
  for (const Word& w : spec) {
    const auto it = width.find(w.name);
    if (it == width.end())
      errors.push_back(fmt::format("{}: missing {} word '{}' ({} bits in the spec)", path, kind,
                                   w.name, w.bits.size()));
    else if (it->second != w.bits.size())
      errors.push_back(fmt::format("{}: {} word '{}' has {} bits, the spec's has {}", path, kind,
                                   w.name, it->second, w.bits.size()));
  }
  std::map<std::string, size_t> in_spec;
  for (const Word& w : spec) in_spec[w.name] = 1;
  for (const Word& w : mine)
    if (!in_spec.count(w.name))
      errors.push_back(
          fmt::format("{}: {} word '{}' is not one of the spec's (", path, kind, w.name) +
          [&] {
            std::string names;
            for (const Word& s : spec) names += (names.empty() ? "" : ", ") + s.name;
            return names;
          }() +
          ")");
}

}  // namespace

// Same word names and widths in the same order: what the miter needs (decodings only print).
bool same_order(const std::vector<Word>& a, const std::vector<Word>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].name != b[i].name || a[i].bits.size() != b[i].bits.size()) return false;
  return true;
}

UserCircuit load_user_circuit(const std::string& path, const Circuit& spec) {
  size_t constraints = 0;
  Circuit file = read_file(path, spec, constraints);
  std::vector<std::string> errors;
  check_words(path, "input", file.input_words(), spec.input_words(), errors);
  check_words(path, "output", file.output_words(), spec.output_words(), errors);
  if (!errors.empty()) {
    std::string message;
    for (const auto& e : errors) message += (message.empty() ? "" : "\n") + e;
    throw UsageError(message);
  }
  if (!file.is_threshold_only())
    throw UsageError(fmt::format(
        "{}: the circuit uses XOR gates; a construction is threshold gates only", path));
  // Usually the words come in the spec's order (always for exported files): no copy needed.
  if (same_order(file.input_words(), spec.input_words()) &&
      same_order(file.output_words(), spec.output_words()))
    return UserCircuit{std::move(file), constraints};
  // Otherwise rebuild over the spec's words: the file's inputs, word by word, become the spec's.
  UserCircuit u{Circuit(file.name()), constraints};
  Circuit& c = u.circuit;
  std::map<std::string, Bits> inputs;
  for (const Word& w : spec.input_words())
    inputs[w.name] = c.add_input_word(w.name, static_cast<int>(w.bits.size()), w.decoding);
  std::vector<Signal> file_inputs;
  for (const Word& w : file.input_words())
    for (Signal s : inputs.at(w.name)) file_inputs.push_back(s);
  const std::vector<Signal> map = c.import(file, file_inputs);
  auto mapped = [&](Signal s) { return map[s.node()] ^ s.complemented(); };
  auto mapped_bits = [&](const Bits& bits) {
    Bits out;
    for (Signal s : bits) out.push_back(mapped(s));
    return out;
  };
  for (const Word& w : spec.output_words())
    c.add_output_word(w.name, mapped_bits(file.output_word(w.name).bits), w.decoding);
  for (const auto& cut : file.cuts())
    c.add_cut(cut.name, mapped_bits(cut.inputs), mapped_bits(cut.outputs), mapped(cut.assumption),
              mapped(cut.guarantee), cut.block, cut.decoding);
  for (const Word& w : file.case_splits()) c.add_case_split(w.name, mapped_bits(w.bits));
  return u;
}

void export_circuit_text(const Circuit& construction, const std::string& path) {
  // Written all or nothing (lib/export/atomic_files.hpp): a failure leaves no file.
  try {
    AtomicFiles file;
    write_circuit_text(file.open(path), construction);
    file.commit();
  } catch (const ExportFileError& e) {
    throw UsageError(e.what());
  }
}

}  // namespace tc
