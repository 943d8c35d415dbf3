// The miter circuit (see miter_circuit.hpp).
#include "lib/sat/miter_circuit.hpp"

#include <cstdint>
#include <unordered_map>

#include "lib/sat/cut_points.hpp"

namespace tc {

namespace {

// Both sides imported into one circuit over shared inputs. `shared` cuts redirect one side's cut
// outputs to the other's block (see build_miter).
struct MiterImport {
  Circuit m;
  std::vector<Signal> map_c, map_s;
  Signal in_c(Signal s) const { return map_c[s.node()] ^ s.complemented(); }
  Signal in_s(Signal s) const { return map_s[s.node()] ^ s.complemented(); }
};

MiterImport import_both(const Circuit& construction, const Circuit& spec,
                        const std::vector<SharedCut>& shared) {
  check_same_interface(construction, spec);
  MiterImport mi{Circuit("miter(" + construction.name() + ", " + spec.name() + ")"), {}, {}};
  std::vector<Signal> inputs;
  for (const auto& w : spec.input_words()) {
    Bits bits = mi.m.add_input_word(w.name, static_cast<int>(w.bits.size()), w.decoding);
    inputs.insert(inputs.end(), bits.begin(), bits.end());
  }
  mi.map_c = mi.m.import(construction, inputs);
  mi.map_s = mi.m.import(spec, inputs);
  if (shared.empty()) return mi;
  // Every replacement equals the node it replaces on valid inputs (the blocks are proved equal
  // where the assumption holds, and an unconditional cut's assumption holds on every valid input),
  // so neither re-import changes what a valid input computes.
  std::unordered_map<uint32_t, Circuit::Override> over_s, over_c;
  for (const SharedCut& cut : shared) {
    const Circuit::Cut* cc = find_cut(construction, cut.name);
    const Circuit::Cut* sc = find_cut(spec, cut.name);
    for (size_t i = 0; i < sc->outputs.size(); ++i) {
      if (cut.spec_block_kept)
        over_c[cc->outputs[i].node()] = {mi.in_s(sc->outputs[i]) ^ cc->outputs[i].complemented(),
                                         kTrue};
      else
        over_s[sc->outputs[i].node()] = {mi.in_c(cc->outputs[i]) ^ sc->outputs[i].complemented(),
                                         cut.unconditional ? kTrue : mi.in_c(cc->assumption)};
    }
  }
  if (!over_s.empty()) mi.map_s = mi.m.import(spec, inputs, over_s);
  if (!over_c.empty()) mi.map_c = mi.m.import(construction, inputs, over_c);
  return mi;
}

}  // namespace

void add_miter_word(Miter& miter, const std::string& name, const Bits& diff,
                    const Decoding& decoding) {
  miter.circuit.add_output_word("diff:" + name, diff, Decoding::unsigned_int());
  miter.words.push_back({name, diff, decoding});
}

std::vector<std::string> matching_cuts(const Circuit& construction, const Circuit& spec) {
  std::vector<std::string> names;
  if (construction.cuts().empty() || spec.cuts().empty()) return names;
  MiterImport mi = import_both(construction, spec, {});
  for (const auto& cc : construction.cuts()) {
    const Circuit::Cut* sc = find_cut(spec, cc.name);
    if (!sc || sc->inputs.size() != cc.inputs.size() || sc->outputs.size() != cc.outputs.size())
      continue;
    if (!distinct_gate_nodes(spec, sc->outputs)) continue;
    bool same_inputs = mi.in_c(cc.assumption) == mi.in_s(sc->assumption);
    for (size_t i = 0; i < cc.inputs.size(); ++i)
      same_inputs = same_inputs && mi.in_c(cc.inputs[i]) == mi.in_s(sc->inputs[i]);
    if (same_inputs) names.push_back(cc.name);
  }
  return names;
}

Miter build_miter(const Circuit& construction, const Circuit& spec,
                  const std::vector<SharedCut>& shared_cuts) {
  MiterImport mi = import_both(construction, spec, shared_cuts);
  Miter miter{std::move(mi.m), {}, static_cast<size_t>(construction.num_input_bits())};
  Circuit& m = miter.circuit;
  for (Signal s : construction.constraints()) m.add_constraint(mi.in_c(s));
  for (Signal s : spec.constraints()) m.add_constraint(mi.in_s(s));
  size_t split_bits = 0;
  auto add_splits = [&](const Circuit& side, auto in_miter) {
    for (const Word& w : side.case_splits()) {
      if (split_bits + w.bits.size() > static_cast<size_t>(Circuit::kMaxCaseSplitBits)) continue;
      Bits bits;
      for (Signal s : w.bits) bits.push_back(in_miter(s));
      miter.case_splits.push_back({w.name, bits, w.decoding});
      split_bits += bits.size();
    }
  };
  add_splits(spec, [&mi](Signal s) { return mi.in_s(s); });
  add_splits(construction, [&mi](Signal s) { return mi.in_c(s); });
  for (size_t w = 0; w < spec.output_words().size(); ++w) {
    const Word& wc = construction.output_words()[w];
    const Word& ws = spec.output_words()[w];
    Bits diff;
    for (size_t i = 0; i < ws.bits.size(); ++i)
      diff.push_back(m.create_xor(mi.in_c(wc.bits[i]), mi.in_s(ws.bits[i])));
    add_miter_word(miter, ws.name, diff, ws.decoding);
  }
  return miter;
}

}  // namespace tc
