// Cut-point extraction (see cut_points.hpp).
#include "lib/sat/cut_points.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "lib/sat/circuit_cnf.hpp"

namespace tc {

const Circuit::Cut* find_cut(const Circuit& circuit, const std::string& name) {
  for (const auto& cut : circuit.cuts())
    if (cut.name == name) return &cut;
  return nullptr;
}

bool distinct_gate_nodes(const Circuit& circuit, const Bits& bits) {
  std::unordered_set<uint32_t> seen;
  for (Signal s : bits) {
    auto kind = circuit.node(s.node()).kind;
    if (kind != NodeKind::Threshold && kind != NodeKind::Xor) return false;
    if (!seen.insert(s.node()).second) return false;
  }
  return true;
}

std::vector<CutInputTie> cut_input_ties(const Circuit::Cut& a, const Circuit::Cut& b) {
  // Union-find with parity over the input positions and one extra element, the constant false.
  const size_t n = a.inputs.size(), kFalseElement = n;
  std::vector<size_t> parent(n + 1);
  std::vector<char> parity(n + 1, 0);  // relative to the parent
  for (size_t i = 0; i <= n; ++i) parent[i] = i;
  auto find = [&](size_t x) {
    bool p = false;
    while (parent[x] != x) {
      p ^= parity[x];
      x = parent[x];
    }
    return std::pair{x, p};
  };
  auto unite = [&](size_t x, size_t y, bool differ) {
    auto [rx, px] = find(x);
    auto [ry, py] = find(y);
    if (rx == ry) return;            // already known (or contradictory: dropped)
    if (rx < ry) std::swap(rx, ry);  // the smaller element is the root: the earliest position
    parent[rx] = ry;
    parity[rx] = px ^ py ^ differ;
  };
  for (const Circuit::Cut* side : {&a, &b}) {
    std::unordered_map<uint32_t, size_t> first;  // node -> first position feeding it
    for (size_t i = 0; i < n && i < side->inputs.size(); ++i) {
      const Signal s = side->inputs[i];
      if (s.node() == 0) {
        unite(i, kFalseElement, s == kTrue);
        continue;
      }
      auto [it, added] = first.try_emplace(s.node(), i);
      if (!added) unite(i, it->second, s.complemented() != side->inputs[it->second].complemented());
    }
  }
  std::vector<CutInputTie> ties(n);
  const auto [false_root, false_parity] = find(kFalseElement);
  for (size_t i = 0; i < n; ++i) {
    const auto [root, p] = find(i);
    if (root == false_root)
      ties[i] = {CutInputTie::Kind::Constant, static_cast<bool>(p ^ false_parity), 0};
    else if (root != i)
      ties[i] = {CutInputTie::Kind::Copy, p, root};
  }
  return ties;
}

std::optional<Circuit> extract_cut_block(const Circuit& circuit, const Circuit::Cut& cut,
                                         const std::vector<CutInputTie>& ties) {
  Circuit block(circuit.name() + "/" + cut.name);
  Bits in =
      block.add_input_word("in", static_cast<int>(cut.inputs.size()), Decoding::unsigned_int());
  std::unordered_map<uint32_t, Signal> map;  // node of circuit -> signal of block
  map[0] = kFalse;
  for (size_t i = 0; i < cut.inputs.size(); ++i) {
    // A constant or repeated cut input leaves its block input bit unused: the block is then
    // proved for every value of that bit, which is more than needed and still sound.
    Signal s = cut.inputs[i];
    if (s.node() == 0 || map.count(s.node())) continue;
    const CutInputTie tie = i < ties.size() ? ties[i] : CutInputTie{};
    const Signal bit = tie.kind == CutInputTie::Kind::Constant ? (tie.value ? kTrue : kFalse)
                       : tie.kind == CutInputTie::Kind::Copy   ? in[tie.source] ^ tie.value
                                                               : in[i];
    map[s.node()] = bit ^ s.complemented();
  }
  // Collect the cone above the cut; reaching a primary input means it is no cut.
  std::vector<char> in_cone(circuit.num_nodes(), 0);
  auto collect = [&](const std::vector<Signal>& roots) {
    std::vector<uint32_t> stack, added;
    for (Signal s : roots) stack.push_back(s.node());
    while (!stack.empty()) {
      uint32_t n = stack.back();
      stack.pop_back();
      if (in_cone[n] || map.count(n)) continue;
      if (circuit.node(n).kind == NodeKind::Input) {
        for (uint32_t a : added) in_cone[a] = 0;
        return false;
      }
      in_cone[n] = 1;
      added.push_back(n);
      for (Signal f : circuit.node(n).fanins) stack.push_back(f.node());
    }
    return true;
  };
  std::vector<Signal> roots(cut.outputs.begin(), cut.outputs.end());
  roots.push_back(cut.assumption);
  if (!collect(roots)) return std::nullopt;
  // A cut nested inside the block (e.g. fdiv's significand quotient) comes along with its
  // assumption and guarantee, which feed no block output and so are not in the cone yet. Only
  // cuts whose inputs and outputs the block already computes: an assumption must not pull a
  // neighbouring block (e.g. the exp that feeds this block's input) into it.
  auto computed = [&](const Bits& bits) {
    for (Signal sig : bits)
      if (!in_cone[sig.node()] && !map.count(sig.node())) return false;
    return true;
  };
  std::vector<const Circuit::Cut*> nested;
  for (const auto& inner : circuit.cuts())
    if (inner.name != cut.name && computed(inner.inputs) && computed(inner.outputs))
      nested.push_back(&inner);
  for (const Circuit::Cut* inner : nested) {
    const std::vector<Signal> extra = {inner->assumption, inner->guarantee};
    if (collect(extra)) roots.insert(roots.end(), extra.begin(), extra.end());
  }
  auto mapped = [&](Signal s) { return map.at(s.node()) ^ s.complemented(); };
  // The block's nodes are created in an order that depends only on the cone's structure, not on
  // the host's node numbering (which interleaves blocks that share gates), so that blocks built
  // alike extract to identical circuits: a structural signature per node, bottom-up, then a
  // post-order from the outputs that visits fanins by signature.
  std::unordered_map<uint32_t, uint64_t> signature;
  auto mix = [](uint64_t h, uint64_t v) {
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    return h * 0xff51afd7ed558ccdull;
  };
  for (size_t i = 0; i < cut.inputs.size(); ++i) {
    const uint32_t n = cut.inputs[i].node();
    if (!signature.count(n)) signature[n] = n == 0 ? 1 : mix(2, i);
  }
  signature[0] = 1;
  auto sig_of = [&](Signal f) { return mix(signature.at(f.node()), f.complemented()); };
  for (uint32_t n = 1; n < circuit.num_nodes(); ++n) {  // index order is topological
    if (!in_cone[n]) continue;
    const Node& node = circuit.node(n);
    std::vector<std::pair<uint64_t, int64_t>> parts;
    for (size_t i = 0; i < node.fanins.size(); ++i)
      parts.push_back({sig_of(node.fanins[i]), i < node.weights.size() ? node.weights[i] : 0});
    std::sort(parts.begin(), parts.end());
    uint64_t h = mix(static_cast<uint64_t>(node.kind) + 3, static_cast<uint64_t>(node.threshold));
    for (auto [fs, w] : parts) h = mix(mix(h, fs), static_cast<uint64_t>(w));
    signature[n] = h;
  }
  std::vector<uint32_t> order;
  std::vector<char> placed(circuit.num_nodes(), 0);
  std::vector<std::pair<uint32_t, bool>> todo;
  for (auto it = roots.rbegin(); it != roots.rend(); ++it) todo.push_back({it->node(), false});
  while (!todo.empty()) {
    auto [n, expanded] = todo.back();
    todo.pop_back();
    if (!in_cone[n] || placed[n]) continue;
    if (expanded) {
      placed[n] = 1;
      order.push_back(n);
      continue;
    }
    todo.push_back({n, true});
    std::vector<Signal> fanins = circuit.node(n).fanins;
    std::sort(fanins.begin(), fanins.end(),
              [&](Signal a, Signal b) { return sig_of(a) > sig_of(b); });  // smallest visited first
    for (Signal f : fanins) todo.push_back({f.node(), false});
  }
  for (uint32_t n : order) {
    const Node& node = circuit.node(n);
    std::vector<Signal> fanins;
    for (Signal f : node.fanins) fanins.push_back(mapped(f));
    map[n] = node.kind == NodeKind::Xor
                 ? block.create_xor(fanins[0], fanins[1])
                 : block.create_threshold(fanins, node.weights, node.threshold);
  }
  Bits out;
  for (Signal s : cut.outputs) out.push_back(mapped(s));
  block.add_output_word("out", out, cut.decoding);
  block.add_constraint(mapped(cut.assumption));  // the blocks need only agree where it holds
  // Cuts nested inside the block (e.g. an iterated product's significand block) stay cuts of it.
  auto inside = [&](Signal sig) { return map.count(sig.node()) > 0; };
  for (const auto& inner : circuit.cuts()) {
    if (inner.name == cut.name) continue;
    bool all = inside(inner.assumption) && inside(inner.guarantee);
    for (Signal sig : inner.inputs) all = all && inside(sig);
    for (Signal sig : inner.outputs) all = all && inside(sig);
    if (!all) continue;
    Bits ins, outs;
    for (Signal sig : inner.inputs) ins.push_back(mapped(sig));
    for (Signal sig : inner.outputs) outs.push_back(mapped(sig));
    block.add_cut(inner.name, ins, outs, mapped(inner.assumption), mapped(inner.guarantee),
                  inner.block, inner.decoding);
  }
  return block;
}

std::pair<Circuit, Circuit> cut_assumption_check(const Circuit& construction, const Circuit& spec,
                                                 const Circuit::Cut& cut) {
  // Both sides are imported whole (simulation and the miter only look at the cones they need),
  // so the constraints keep their meaning.
  auto build = [&](const std::string& name, bool with_assumption) {
    Circuit c(name);
    std::vector<Signal> inputs;
    for (const auto& w : spec.input_words()) {
      Bits bits = c.add_input_word(w.name, static_cast<int>(w.bits.size()), w.decoding);
      inputs.insert(inputs.end(), bits.begin(), bits.end());
    }
    const std::vector<Signal> map_c = c.import(construction, inputs);
    const std::vector<Signal> map_s = c.import(spec, inputs);
    for (Signal s : construction.constraints())
      c.add_constraint(map_c[s.node()] ^ s.complemented());
    for (Signal s : spec.constraints()) c.add_constraint(map_s[s.node()] ^ s.complemented());
    const Signal holds = map_c[cut.assumption.node()] ^ cut.assumption.complemented();
    c.add_output_word("holds", {with_assumption ? holds : kTrue}, Decoding::boolean());
    return c;
  };
  const std::string name = construction.name() + "/" + cut.name + "-assumption";
  return {build(name, true), build(name + "/true", false)};
}

size_t cut_block_cnf_clauses(const Circuit& block, size_t clause_limit) {
  CircuitCnf cc;
  Bits roots;
  for (const auto& w : block.output_words())
    roots.insert(roots.end(), w.bits.begin(), w.bits.end());
  cnf_encode_cone(cc, block, roots, clause_limit);
  return cc.cnf.clauses.size();
}

}  // namespace tc
