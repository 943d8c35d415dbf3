// SAT miter on CaDiCaL (see miter.hpp).
#include "lib/sat/miter.hpp"

#include <cadical.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "lib/cnf/dimacs.hpp"
#include "lib/proof/drup_check.hpp"
#include "lib/sat/circuit_cnf.hpp"
#include "lib/sat/compositional.hpp"
#include "lib/sat/cut_points.hpp"

namespace tc {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Stops CaDiCaL when the shared deadline passes.
// Stops CaDiCaL when the shared deadline passes, and calls `tick` every few seconds so that long
// solves show progress.
class DeadlineTerminator : public CaDiCaL::Terminator {
 public:
  DeadlineTerminator(std::optional<Clock::time_point> deadline, std::function<void()> tick)
      : deadline_(deadline), tick_(std::move(tick)), next_tick_(Clock::now() + std::chrono::seconds(5)) {}
  bool terminate() override {
    const auto now = Clock::now();
    if (now >= next_tick_) {
      next_tick_ = now + std::chrono::seconds(5);
      tick_();
    }
    return deadline_ && now >= *deadline_;
  }

 private:
  std::optional<Clock::time_point> deadline_;
  std::function<void()> tick_;
  Clock::time_point next_tick_;
};

std::string file_safe(const std::string& name) {
  std::string s;
  for (char ch : name) s += (std::isalnum(static_cast<unsigned char>(ch)) || ch == '-') ? ch : '_';
  return s;
}

}  // namespace

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
        over_c[cc->outputs[i].node()] = {mi.in_s(sc->outputs[i]) ^ cc->outputs[i].complemented(), kTrue};
      else
        over_s[sc->outputs[i].node()] = {mi.in_c(cc->outputs[i]) ^ sc->outputs[i].complemented(),
                                         cut.unconditional ? kTrue : mi.in_c(cc->assumption)};
    }
  }
  if (!over_s.empty()) mi.map_s = mi.m.import(spec, inputs, over_s);
  if (!over_c.empty()) mi.map_c = mi.m.import(construction, inputs, over_c);
  return mi;
}

bool distinct_gate_nodes(const Circuit& c, const Bits& bits) {
  std::unordered_set<uint32_t> seen;
  for (Signal s : bits) {
    auto kind = c.node(s.node()).kind;
    if (kind != NodeKind::Threshold && kind != NodeKind::Xor) return false;
    if (!seen.insert(s.node()).second) return false;
  }
  return true;
}

// A block too large to encode (a BDD over the node limit) costs the most.
size_t cut_block_cnf_clauses_or_max(const Circuit& block, size_t clause_limit = SIZE_MAX) {
  try {
    return cut_block_cnf_clauses(block, clause_limit);
  } catch (const std::runtime_error&) {
    return SIZE_MAX;
  }
}

}  // namespace

std::optional<bool> solve_miter_outputs(const Circuit& m, size_t primary_bits, const MiterParams& params,
                                        std::optional<std::chrono::steady_clock::time_point> deadline,
                                        MiterStats& st) {
  if (!params.proof_dir.empty()) std::filesystem::create_directories(params.proof_dir);

  std::optional<bool> verdict = true;
  for (const Word& diff : m.output_words()) {
    const std::string word = diff.name.substr(5);
    // The word's cone, the input constraints, and a variable for every input bit (so that a
    // model covers every input), shared by the word's per-bit obligations.
    CircuitCnf cc;
    for (Signal s : m.constraints()) cc.cnf.add_clause({cnf_encode_cone(cc, m, {s})[0]});
    std::vector<Lit> diff_lits = cnf_encode_cone(cc, m, diff.bits);
    std::vector<Lit> input_lits;
    for (uint32_t n : m.input_nodes()) input_lits.push_back(cnf_encode_cone(cc, m, {Signal(n, false)})[0]);
    // One obligation per bit, least significant first; bits already proved equal enter later
    // obligations as unit clauses (lemmas justified by the earlier obligations), which is what
    // makes arithmetic miters tractable: the carries into bit k are known to agree.
    std::vector<Lit> proved;
    // Without certificates one incremental solver serves the whole word: each bit is solved
    // under an assumption, and a proved bit becomes a unit clause, so the clauses learned on
    // the lower bits (the carries) keep working for the higher ones. A certified run needs one
    // CNF and one DRAT file per bit, hence a fresh solver each.
    const bool incremental = params.proof_dir.empty();
    std::string current;  // the obligation being solved, for progress lines
    Clock::time_point current_start = Clock::now();
    DeadlineTerminator terminator(deadline, [&] {
      if (params.progress)
        params.progress("solving " + current + ": " +
                        std::to_string(static_cast<int>(seconds_since(current_start))) + " s");
    });
    std::optional<CaDiCaL::Solver> shared;  // the incremental run's one solver
    if (incremental) {
      CaDiCaL::Solver& shared_solver = shared.emplace();
      shared_solver.set("quiet", 1);
      shared_solver.connect_terminator(&terminator);
      for (const Clause& c : cc.cnf.clauses) {
        for (Lit l : c) shared_solver.add(l);
        shared_solver.add(0);
      }
    }
    for (size_t k = 0; k < diff.bits.size() && verdict == true; ++k) {
      if (diff.bits[k] == kFalse) {  // both sides built the same gate: nothing to prove
        proved.push_back(diff_lits[k]);
        if (incremental) { shared->add(-diff_lits[k]); shared->add(0); }
        continue;
      }
      ObligationStats ob;
      ob.output_word = diff.bits.size() == 1 ? word : word + "[" + std::to_string(k) + "]";
      const auto ob_start = Clock::now();
      current = ob.output_word;
      current_start = ob_start;
      ob.variables = cc.cnf.num_vars;
      ob.clauses = cc.cnf.clauses.size() + proved.size() + 1;

      std::optional<CaDiCaL::Solver> fresh;  // a certified run's solver for this bit alone
      CaDiCaL::Solver& solver = incremental ? *shared : fresh.emplace();
      Cnf cnf;  // the obligation's own CNF file, certified runs only
      const std::string base = incremental ? std::string()
                                           : params.proof_dir + "/" + file_safe(ob.output_word);
      if (!incremental) {
        cnf = cc.cnf;
        for (Lit l : proved) cnf.add_clause({-l});
        cnf.add_clause({diff_lits[k]});
        solver.set("quiet", 1);  // CaDiCaL would announce proof files on stdout
        solver.connect_terminator(&terminator);
        ob.cnf_path = base + ".cnf";
        ob.proof_path = base + ".drat";
        std::ofstream out(ob.cnf_path);
        std::vector<std::string> header = {"miter obligation: output " + ob.output_word +
                                           " differs (UNSAT = equal on every valid input)"};
        if (!proved.empty()) header.push_back("the last unit clauses are lower bits proved equal by earlier obligations");
        for (size_t i = 0; i < input_lits.size(); ++i) header.push_back("input bit " + std::to_string(i) + " = variable " + std::to_string(input_lits[i]));
        cnf_write_dimacs(out, cnf, header);
        if (!solver.trace_proof(ob.proof_path.c_str()))
          throw std::runtime_error("cannot write proof file " + ob.proof_path);
        for (const Clause& c : cnf.clauses) {
          for (Lit l : c) solver.add(l);
          solver.add(0);
        }
      } else {
        solver.assume(diff_lits[k]);
      }
      if (params.conflict_limit >= 0) solver.limit("conflicts", params.conflict_limit);
      const int result = solver.solve();
      if (!incremental) {
        solver.disconnect_terminator();
        solver.close_proof_trace();
      }
      ob.seconds = seconds_since(ob_start);
      if (result == 10) {
        ob.result = "sat";
        Assignment cex;
        for (size_t i = 0; i < primary_bits; ++i) cex.push_back(solver.val(input_lits[i]) > 0);
        st.counterexample = cex;
        st.differing_word = word;
        verdict = false;
      } else if (result == 20) {
        ob.result = "unsat";
        proved.push_back(diff_lits[k]);
        if (incremental) { solver.add(-diff_lits[k]); solver.add(0); }
        if (params.check_proofs && !base.empty()) {
          DrupResult check = drup_check(cnf, ob.proof_path);
          ob.certified = check.verified;
          ob.certificate_message = check.message;
          if (!check.verified)
            throw std::runtime_error("proof of " + ob.output_word + " failed to certify: " + check.message);
        }
      } else {
        ob.result = "unknown";
        verdict = std::nullopt;
      }
      if (params.progress)
        params.progress("obligation " + ob.output_word + ": " + ob.result + " (" +
                        std::to_string(ob.variables) + " vars, " + std::to_string(ob.clauses) +
                        " clauses, " + std::to_string(ob.seconds) + " s)");
      st.obligations.push_back(ob);
    }
    if (incremental) shared->disconnect_terminator();
    if (verdict != true) break;  // a counterexample or an exhausted budget ends the run
  }
  return verdict;
}

std::vector<std::string> matching_cuts(const Circuit& construction, const Circuit& spec) {
  std::vector<std::string> names;
  if (construction.cuts().empty() || spec.cuts().empty()) return names;
  MiterImport mi = import_both(construction, spec, {});
  for (const auto& cc : construction.cuts()) {
    const Circuit::Cut* sc = find_cut(spec, cc.name);
    if (!sc || sc->inputs.size() != cc.inputs.size() || sc->outputs.size() != cc.outputs.size()) continue;
    if (!distinct_gate_nodes(spec, sc->outputs)) continue;
    bool same_inputs = mi.in_c(cc.assumption) == mi.in_s(sc->assumption);
    for (size_t i = 0; i < cc.inputs.size(); ++i)
      same_inputs = same_inputs && mi.in_c(cc.inputs[i]) == mi.in_s(sc->inputs[i]);
    if (same_inputs) names.push_back(cc.name);
  }
  return names;
}

Circuit build_miter(const Circuit& construction, const Circuit& spec,
                    const std::vector<SharedCut>& shared_cuts) {
  MiterImport mi = import_both(construction, spec, shared_cuts);
  Circuit& m = mi.m;
  for (Signal s : construction.constraints()) m.add_constraint(mi.in_c(s));
  for (Signal s : spec.constraints()) m.add_constraint(mi.in_s(s));
  for (size_t w = 0; w < spec.output_words().size(); ++w) {
    const Word& wc = construction.output_words()[w];
    const Word& ws = spec.output_words()[w];
    Bits diff;
    for (size_t i = 0; i < ws.bits.size(); ++i)
      diff.push_back(m.create_xor(mi.in_c(wc.bits[i]), mi.in_s(ws.bits[i])));
    m.add_output_word("diff:" + ws.name, diff, Decoding::unsigned_int());
  }
  return std::move(mi.m);
}

std::optional<bool> check_equivalence_sat(const Circuit& construction, const Circuit& spec,
                                          const MiterParams& params, MiterStats* stats) {
  MiterStats local;
  MiterStats& st = stats ? *stats : local;
  const auto start = Clock::now();
  std::optional<Clock::time_point> deadline;
  if (params.timeout_seconds > 0)
    deadline = start + std::chrono::duration_cast<Clock::duration>(
                           std::chrono::duration<double>(params.timeout_seconds));
  // A composition of declared blocks: prove it as the sum of its block proofs where that
  // settles it (compositional.hpp). Certified runs keep the concrete miter, whose every
  // obligation gets a DRAT proof.
  if (params.prove_cut_block && params.proof_dir.empty() && has_block_cuts(construction) &&
      has_block_cuts(spec)) {
    const std::optional<bool> by_blocks = check_equivalence_by_blocks(construction, spec, params, st);
    if (by_blocks || (deadline && Clock::now() >= *deadline)) {
      st.seconds = seconds_since(start);
      return by_blocks;
    }
    st.obligations.clear();
    st.shared_cuts.clear();
    st.composition += "; no verdict from the blocks, so the concrete miter decides";
  }
  // Cut points: prove each matching block pair once, then share it (cut_points.hpp).
  std::vector<SharedCut> shared_cuts;
  if (params.prove_cut_block) {
    for (const auto& name : matching_cuts(construction, spec)) {
      const Circuit::Cut& cut = *find_cut(construction, name);
      auto bc = extract_cut_block(construction, cut);
      auto bs = extract_cut_block(spec, *find_cut(spec, name));
      if (!bc || !bs) {
        st.unshared_cuts.push_back(name + ": its inputs do not cut the block off");
        continue;
      }
      auto how = params.prove_cut_block(*bc, *bs);
      if (!how) {
        st.unshared_cuts.push_back(name + ": blocks not proved equivalent");
        continue;
      }
      SharedCut shared{name, *how};
      shared.unconditional = cut.assumption == kTrue;
      if (!shared.unconditional) {
        auto [holds, truth] = cut_assumption_check(construction, spec, cut);
        if (auto implied = params.prove_cut_block(holds, truth)) {
          shared.unconditional = true;
          shared.proof += "; its assumption holds on every valid input (" + *implied + ")";
        }
      }
      // Either block may serve both sides once the sharing is unconditional: keep the cheaper.
      // The construction's block is encoded only as far as the spec's size (fdiv's series
      // quotient would take minutes and gigabytes whole at p = 12): the same decision.
      const size_t spec_clauses = shared.unconditional && distinct_gate_nodes(construction, cut.outputs)
                                      ? cut_block_cnf_clauses_or_max(*bs)
                                      : SIZE_MAX;
      if (spec_clauses < SIZE_MAX && spec_clauses < cut_block_cnf_clauses_or_max(*bc, spec_clauses)) {
        shared.spec_block_kept = true;
        shared.proof += "; the spec's block (smaller CNF) serves both sides";
      }
      shared_cuts.push_back(shared);
      st.shared_cuts.push_back(shared);
      if (params.progress) params.progress("cut " + name + " proved by " + shared.proof + "; shared");
    }
  }
  Circuit m = build_miter(construction, spec, shared_cuts);
  std::optional<bool> verdict =
      solve_miter_outputs(m, static_cast<size_t>(construction.num_input_bits()), params, deadline, st);
  st.seconds = seconds_since(start);
  return verdict;
}

}  // namespace tc
