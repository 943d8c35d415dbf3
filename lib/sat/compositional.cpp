// Compositional equivalence (see compositional.hpp).
#include "lib/sat/compositional.hpp"

#include <algorithm>
#include <cadical.hpp>
#include <unordered_map>

#include "lib/analysis.hpp"
#include "lib/circuit_fingerprint.hpp"
#include "lib/sat/circuit_cnf.hpp"
#include "lib/sat/cut_points.hpp"
#include "lib/sat/deadline.hpp"
#include "lib/sat/miter_obligations.hpp"
#include "lib/sat/solver_clauses.hpp"
#include "lib/simulate.hpp"

namespace tc {

namespace {

// A block both sides declare under one name.
struct Candidate {
  const Circuit::Cut* c = nullptr;
  const Circuit::Cut* s = nullptr;
  uint32_t order = 0;  // topological position (largest construction output node)
};

bool is_gate(const Circuit& x, Signal sig) {
  const NodeKind k = x.node(sig.node()).kind;
  return k == NodeKind::Threshold || k == NodeKind::Xor;
}

// Both circuits imported over shared primary inputs into one circuit, each side only as far as
// the roots need, with the outputs of the abstracted blocks replaced by shared fresh variables.
class AbstractMiter {
 public:
  AbstractMiter(const Circuit& construction, const Circuit& spec)
      : construction_(construction), spec_(spec) {
    for (const auto& w : spec.input_words()) {
      Bits bits = m.add_input_word(w.name, static_cast<int>(w.bits.size()), w.decoding);
      primary_.insert(primary_.end(), bits.begin(), bits.end());
    }
  }

  // Decides how the outputs of `k` are shared; false (nothing recorded) when the two sides' output
  // signals cannot be identified consistently with the blocks abstracted before.
  bool abstract(const Candidate& k) {
    std::unordered_map<uint32_t, Signal> add_c, add_s;
    // The value in m of an output signal of side x, if already decided.
    auto current = [&](const Circuit& x, const std::unordered_map<uint32_t, Signal>& over,
                       const std::unordered_map<uint32_t, Signal>& added,
                       Signal sig) -> std::optional<Signal> {
      if (auto it = added.find(sig.node()); it != added.end())
        return it->second ^ sig.complemented();
      if (auto it = over.find(sig.node()); it != over.end()) return it->second ^ sig.complemented();
      if (!is_gate(x, sig)) return fixed(x, sig);
      return std::nullopt;
    };
    for (size_t i = 0; i < k.c->outputs.size(); ++i) {
      const Signal sc = k.c->outputs[i], ss = k.s->outputs[i];
      const auto rc = current(construction_, over_c_, add_c, sc);
      const auto rs = current(spec_, over_s_, add_s, ss);
      if (rc && rs) {
        if (*rc != *rs) return false;  // e.g. two different constants: not one shared value
      } else if (rc) {
        add_s[ss.node()] = *rc ^ ss.complemented();
      } else if (rs) {
        add_c[sc.node()] = *rs ^ sc.complemented();
      } else {
        const Signal v =
            m.add_input_word(k.c->name + "#" + std::to_string(i), 1, Decoding::boolean())[0];
        add_c[sc.node()] = v ^ sc.complemented();
        add_s[ss.node()] = v ^ ss.complemented();
      }
    }
    over_c_.insert(add_c.begin(), add_c.end());
    over_s_.insert(add_s.begin(), add_s.end());
    return true;
  }

  // Imports what `roots_c` (signals of the construction) and `roots_s` (of the spec) need.
  void import(const std::vector<Signal>& roots_c, const std::vector<Signal>& roots_s) {
    import_side(construction_, over_c_, roots_c, map_c_);
    import_side(spec_, over_s_, roots_s, map_s_);
  }
  Signal in_c(Signal s) const { return map_c_.at(s.node()) ^ s.complemented(); }
  Signal in_s(Signal s) const { return map_s_.at(s.node()) ^ s.complemented(); }
  size_t primary_bits() const { return primary_.size(); }

  Circuit m{"abstract-miter"};

 private:
  // The value of a non-gate signal of side x in m: a constant or a primary input.
  Signal fixed(const Circuit& x, Signal sig) const {
    if (sig.node() == 0) return kFalse ^ sig.complemented();
    const auto& nodes = x.input_nodes();
    const size_t i =
        static_cast<size_t>(std::find(nodes.begin(), nodes.end(), sig.node()) - nodes.begin());
    return primary_.at(i) ^ sig.complemented();
  }

  void import_side(const Circuit& x, const std::unordered_map<uint32_t, Signal>& over,
                   const std::vector<Signal>& roots, std::unordered_map<uint32_t, Signal>& map) {
    std::vector<uint32_t> todo;
    std::vector<char> needed(x.num_nodes(), 0);
    for (Signal r : roots) todo.push_back(r.node());
    while (!todo.empty()) {
      const uint32_t n = todo.back();
      todo.pop_back();
      if (needed[n] || map.count(n)) continue;
      needed[n] = 1;
      if (over.count(n)) continue;
      for (Signal f : x.node(n).fanins) todo.push_back(f.node());
    }
    std::unordered_map<uint32_t, size_t> input_index;
    for (size_t i = 0; i < x.input_nodes().size(); ++i) input_index[x.input_nodes()[i]] = i;
    auto mapped = [&](Signal s) { return map.at(s.node()) ^ s.complemented(); };
    for (uint32_t n = 0; n < x.num_nodes(); ++n) {  // index order is topological
      if (!needed[n]) continue;
      const Node& node = x.node(n);
      if (auto it = over.find(n); it != over.end()) {
        map[n] = it->second;
      } else if (node.kind == NodeKind::Constant) {
        map[n] = kFalse;
      } else if (node.kind == NodeKind::Input) {
        map[n] = primary_.at(input_index.at(n));
      } else if (node.kind == NodeKind::Xor) {
        map[n] = m.create_xor(mapped(node.fanins[0]), mapped(node.fanins[1]));
      } else {
        std::vector<Signal> fanins;
        for (Signal f : node.fanins) fanins.push_back(mapped(f));
        map[n] = m.create_threshold(fanins, node.weights, node.threshold);
      }
    }
  }

  const Circuit& construction_;
  const Circuit& spec_;
  Bits primary_;
  std::unordered_map<uint32_t, Signal> over_c_, over_s_;  // node -> its value in m
  std::unordered_map<uint32_t, Signal> map_c_, map_s_;
};

// Is `bad` satisfiable in m together with `constraints`? A small query: only the cones are
// encoded. A model's primary inputs go to `model`.
SatAnswer solve(const Circuit& m, const std::vector<Signal>& constraints, Signal bad,
                size_t primary_bits, SatDeadline deadline, std::vector<bool>* model = nullptr) {
  if (bad == kFalse) return SatAnswer::Unsat;
  CircuitCnf cc;
  for (Signal s : constraints) cc.cnf.add_clause({cnf_encode_cone(cc, m, {s})[0]});
  cc.cnf.add_clause({cnf_encode_cone(cc, m, {bad})[0]});
  std::vector<Lit> inputs;
  for (size_t i = 0; i < primary_bits; ++i)
    inputs.push_back(cnf_encode_cone(cc, m, {Signal(m.input_nodes()[i], false)})[0]);
  CaDiCaL::Solver solver;
  solver.set("quiet", 1);
  DeadlineTerminator stop(deadline);
  solver.connect_terminator(&stop);
  solver.limit("conflicts", 200000);
  add_clauses(solver, cc.cnf.clauses);
  const int result = solver.solve();
  solver.disconnect_terminator();
  if (result == 10 && model) {
    model->clear();
    for (Lit l : inputs) model->push_back(solver.val(l) > 0);
  }
  return sat_answer(result);
}

// A side's block with its guarantee as the only output, and the constant-true circuit of the
// same interface: equivalent iff the guarantee holds wherever the assumption does. It is checked
// on the spec's side: the guarantee is the same predicate of the outputs on both sides (both come
// from compose_embed), the block proof makes the outputs equal wherever both assumptions hold,
// and the spec's block (plain adders, no wide threshold gates) has the far smaller CNF.
std::optional<std::pair<Circuit, Circuit>> guarantee_check(const Circuit& side,
                                                           const Circuit::Cut& cut,
                                                           const std::vector<CutInputTie>& ties) {
  Circuit::Cut g = cut;
  g.outputs = {cut.guarantee};
  g.name = cut.name + "-guarantee";
  auto block = extract_cut_block(side, g, ties);
  if (!block) return std::nullopt;
  Circuit truth(block->name() + "/true");
  truth.add_input_word("in", static_cast<int>(cut.inputs.size()), Decoding::unsigned_int());
  truth.add_output_word("out", {kTrue}, Decoding::unsigned_int());
  return std::make_pair(std::move(*block), std::move(truth));
}

}  // namespace

bool has_block_cuts(const Circuit& circuit) {
  for (const auto& cut : circuit.cuts())
    if (cut.block) return true;
  return false;
}

std::optional<bool> check_equivalence_by_blocks(const Circuit& construction, const Circuit& spec,
                                                const MiterParams& params, MiterStats& st) {
  const SatDeadline deadline = deadline_after(SatClock::now(), params.timeout_seconds);
  auto say = [&](const std::string& msg) {
    if (params.progress) params.progress(msg);
  };

  // Random valid inputs first: a broken construction usually differs on many of them.
  {
    CompareParams cp;
    cp.random_rounds = 64;
    cp.valid_floats = true;
    cp.timeout_seconds = params.timeout_seconds;
    const CompareResult cr = compare_by_simulation(construction, spec, cp);
    if (cr.difference) {
      st.counterexample = *cr.difference;
      st.composition = "counterexample found by simulating " + std::to_string(cr.valid_points) +
                       " random valid inputs";
      return false;
    }
  }

  // Blocks both sides declare, in topological order.
  std::vector<Candidate> candidates;
  for (const auto& cc : construction.cuts()) {
    if (!cc.block) continue;
    const Circuit::Cut* sc = find_cut(spec, cc.name);
    if (!sc || !sc->block || sc->inputs.size() != cc.inputs.size() ||
        sc->outputs.size() != cc.outputs.size()) {
      st.unshared_cuts.push_back(cc.name + ": the spec declares no block of that shape");
      continue;
    }
    uint32_t order = 0;
    for (Signal o : cc.outputs) order = std::max(order, o.node());
    candidates.push_back({&cc, sc, order});
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.order < b.order; });

  // (1) and (2): block proofs, cached by structure.
  struct Proved {
    std::optional<std::string> how;
    size_t block_index = 0;
  };
  std::unordered_map<std::string, Proved> cache;
  std::vector<char> block_ok(candidates.size(), 0);
  for (size_t k = 0; k < candidates.size(); ++k) {
    const Candidate& cand = candidates[k];
    // An input one side feeds as a constant (e.g. the spec's exp knows its sign bit is 0), or as
    // a copy of another input (a sign-extended exponent), is that on both sides of the block
    // proof: the glue check below proves the other side feeds the same values. Without the ties
    // the blocks would also have to agree on inputs no context produces.
    const std::vector<CutInputTie> ties = cut_input_ties(*cand.c, *cand.s);
    auto bc = extract_cut_block(construction, *cand.c, ties);
    auto bs = extract_cut_block(spec, *cand.s, ties);
    auto gc = guarantee_check(spec, *cand.s, ties);
    if (!bc || !bs || !gc) {
      st.unshared_cuts.push_back(cand.c->name + ": its inputs do not cut the block off");
      continue;
    }
    const std::string key = circuit_fingerprint(*bc) + "|" + circuit_fingerprint(*bs) + "|" +
                            circuit_fingerprint(gc->first);
    auto it = cache.find(key);
    if (it == cache.end()) {
      const auto t0 = SatClock::now();
      say("proving block " + cand.c->name);
      Proved proved;
      auto how = params.prove_cut_block(cand.c->name, *bc, *bs);
      if (how) {
        auto holds = params.prove_cut_block(cand.c->name + "-guarantee", gc->first, gc->second);
        if (holds) proved.how = *how + "; guarantee by " + *holds;
      }
      BlockStats bst;
      bst.name = cand.c->name;
      const CircuitStats sc = analyze(*bc), ss = analyze(*bs);
      bst.gates = sc.gates;
      bst.wires = sc.wires;
      bst.depth = sc.depth;
      bst.spec_gates = ss.gates;
      bst.spec_depth = ss.depth;
      bst.proof = proved.how ? *proved.how : "not proved";
      bst.seconds = seconds_since(t0);
      proved.block_index = st.blocks.size();
      st.blocks.push_back(bst);
      it = cache.emplace(key, proved).first;
      if (deadline_passed(deadline)) return std::nullopt;
    }
    if (it->second.how) {
      block_ok[k] = 1;
      ++st.blocks[it->second.block_index].instances;
    } else {
      st.unshared_cuts.push_back(cand.c->name + ": blocks not proved equivalent");
    }
  }

  // (3) and (4) in the abstract miter; a block that fails is dropped and the rest re-checked.
  std::vector<char> active = block_ok;
  for (int round = 0;; ++round) {
    AbstractMiter am(construction, spec);
    std::vector<size_t> used;
    for (size_t k = 0; k < candidates.size(); ++k)
      if (active[k] && am.abstract(candidates[k])) used.push_back(k);
    std::vector<Signal> roots_c, roots_s;
    for (const auto& w : construction.output_words())
      roots_c.insert(roots_c.end(), w.bits.begin(), w.bits.end());
    for (const auto& w : spec.output_words())
      roots_s.insert(roots_s.end(), w.bits.begin(), w.bits.end());
    for (Signal s : construction.constraints()) roots_c.push_back(s);
    for (Signal s : spec.constraints()) roots_s.push_back(s);
    for (size_t k : used) {
      const Candidate& cand = candidates[k];
      roots_c.insert(roots_c.end(), cand.c->inputs.begin(), cand.c->inputs.end());
      roots_s.insert(roots_s.end(), cand.s->inputs.begin(), cand.s->inputs.end());
      roots_c.push_back(cand.c->assumption);
      roots_s.push_back(cand.s->assumption);
      roots_s.push_back(cand.s->guarantee);
    }
    am.import(roots_c, roots_s);
    std::vector<Signal> constraints;
    for (Signal s : construction.constraints()) constraints.push_back(am.in_c(s));
    for (Signal s : spec.constraints()) constraints.push_back(am.in_s(s));
    std::vector<size_t> failed;
    size_t glue_checks = 0;
    for (size_t k : used) {
      const Candidate& cand = candidates[k];
      std::vector<Signal> bad;
      for (size_t i = 0; i < cand.c->inputs.size(); ++i) {
        const Signal a = am.in_c(cand.c->inputs[i]), b = am.in_s(cand.s->inputs[i]);
        if (a != b) bad.push_back(am.m.create_xor(a, b));
      }
      bad.push_back(!am.in_c(cand.c->assumption));
      bad.push_back(!am.in_s(cand.s->assumption));
      const Signal any_bad = am.m.create_or(bad);
      if (any_bad != kFalse) ++glue_checks;
      const SatAnswer r = solve(am.m, constraints, any_bad, am.primary_bits(), deadline);
      if (r != SatAnswer::Unsat) failed.push_back(k);
      // Later blocks may rely on this block's promise.
      constraints.push_back(am.in_s(cand.s->guarantee));
      if (deadline_passed(deadline)) return std::nullopt;
    }
    if (!failed.empty() && round < 8) {
      for (size_t k : failed) {
        active[k] = 0;
        st.unshared_cuts.push_back(candidates[k].c->name +
                                   ": inputs or assumption not proved equal in the abstract miter");
      }
      continue;
    }
    if (!failed.empty()) return std::nullopt;

    // The outputs: glue obligations over the abstracted blocks.
    for (size_t k : used) {
      SharedCut shared{candidates[k].c->name, "abstracted as a proved block"};
      shared.unconditional = true;
      st.shared_cuts.push_back(shared);
    }
    for (Signal s : constraints) am.m.add_constraint(s);
    Miter glue{std::move(am.m), {}, am.primary_bits()};
    for (size_t w = 0; w < spec.output_words().size(); ++w) {
      const Word& wc = construction.output_words()[w];
      const Word& ws = spec.output_words()[w];
      Bits diff;
      for (size_t i = 0; i < ws.bits.size(); ++i)
        diff.push_back(glue.circuit.create_xor(am.in_c(wc.bits[i]), am.in_s(ws.bits[i])));
      add_miter_word(glue, ws.name, diff, ws.decoding);
    }
    st.composition = std::to_string(used.size()) + " block instances (" +
                     std::to_string(st.blocks.size()) + " distinct block proofs) abstracted; " +
                     std::to_string(glue_checks) + " glue checks";
    MiterParams out = params;
    out.proof_dir.clear();  // the abstract miter's obligations are not the certified kind
    const std::optional<bool> verdict = solve_miter_outputs(glue, out, deadline, st);
    if (verdict == false) {
      // Real only if the circuits themselves show it.
      const Assignment& cex = *st.counterexample;
      if (satisfies_constraints(construction, cex) && satisfies_constraints(spec, cex) &&
          simulate_outputs(construction, cex) != simulate_outputs(spec, cex))
        return false;
      st.counterexample.reset();
      st.composition += "; the abstract miter's counterexample is spurious";
      return std::nullopt;
    }
    return verdict;
  }
}

}  // namespace tc
