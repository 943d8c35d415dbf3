// Rendering of verification reports (see report.hpp).
#include "verify/report.hpp"

#include <fmt/core.h>

#include <cctype>

namespace tc {

int report_exit_code(const Report& r) {
  int code = 0;
  if (r.equivalence) {
    switch (r.equivalence->verdict) {
      case Verdict::Proved:
        break;
      case Verdict::Counterexample:
        return 1;
      case Verdict::Unknown:
        code = 3;
        break;
      case Verdict::Emitted:  // the emission succeeded; the verdict comes with --collect
        break;
    }
  }
  for (const auto& l : r.lemmas) {
    if (l.verdict == LemmaVerdict::Refuted) return 1;
    if (l.verdict == LemmaVerdict::Unknown) code = 3;
  }
  return code;
}

namespace {

// The component's declared parameters with their values ("e" as the exponent bits in use).
int param_value(const Report& r, const ParamSpec& ps) {
  return ps.name == "e" ? r.params.exponent_bits() : *r.params.field(ps.name);
}

std::string parameters(const Report& r) {
  std::string s;
  for (const ParamSpec& ps : r.component->params)
    s += fmt::format("{}{} = {}", s.empty() ? "" : ", ", ps.name, param_value(r, ps));
  for (const std::string& f : r.params.flags) s += ", --" + f;
  if (!r.component->weights.empty())
    s += r.params.weights.empty() ? ", weights: the component's default" : ", weights: from file";
  if (!r.params.mutant.empty()) s += fmt::format(", mutant = {}", r.params.mutant);
  return s;
}

std::string stats_line(const CircuitStats& s) {
  std::string line =
      fmt::format("gates {:>7}  depth {:>3}  wires {:>8}  max fan-in {:>4}  max |weight| {}",
                  s.gates, s.depth, s.wires, s.max_fanin, s.max_weight);
  if (s.xor_gates) line += fmt::format("  (xor gates {})", s.xor_gates);
  return line;
}

// Every SAT obligation's DRAT proof was checked by the DRUP checker (--check-proofs).
bool all_certified(const EquivalenceResult& e) {
  if (e.engine != Engine::Sat || e.sat.obligations.empty()) return false;
  for (const auto& ob : e.sat.obligations)
    if (!ob.certified) return false;
  return true;
}

// A collected run (--collect) stopped at an obligation whose answer was missing or did not check.
bool unchecked_answer(const EquivalenceResult& e) {
  return !e.sat.obligations.empty() && e.sat.obligations.back().result == SatAnswer::Unknown &&
         !e.sat.obligations.back().certificate_message.empty();
}

nlohmann::json stats_json(const CircuitStats& s) {
  return {{"gates", s.gates},
          {"depth", s.depth},
          {"wires", s.wires},
          {"max_fanin", s.max_fanin},
          {"max_weight", s.max_weight},
          {"threshold_gates", s.threshold_gates},
          {"xor_gates", s.xor_gates},
          {"and_gates", s.and_gates},
          {"or_gates", s.or_gates},
          {"majority_gates", s.majority_gates},
          {"weighted_gates", s.weighted_gates}};
}

nlohmann::json lemma_json(const LemmaResult& r) {
  auto optional = [](const std::string& s) {
    return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
  };
  return {{"name", r.name},
          {"kind", lemma_kind_name(r.kind)},
          {"statement", r.statement},
          {"verdict", lemma_verdict_name(r.verdict)},
          {"seconds", r.seconds},
          {"witness", optional(r.witness)},
          {"claimed_bound", optional(r.claimed_bound)},
          {"tightest_bound", optional(r.tightest_bound)},
          {"failing_bound", optional(r.failing_bound)},
          {"note", optional(r.note)}};
}

void print_lemmas(const std::vector<LemmaResult>& lemmas) {
  if (lemmas.empty()) return;
  fmt::print("lemmas        {} (Z3 lemmas are proved only on unsat; unknown is never proved)\n",
             lemmas.size());
  for (const auto& l : lemmas) {
    std::string verdict = lemma_verdict_name(l.verdict);
    for (auto& ch : verdict) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    fmt::print("  {:<8} {} ({}, {:.2f} s)\n", verdict, l.name, lemma_kind_name(l.kind), l.seconds);
    fmt::print("           {}\n", l.statement);
    if (!l.witness.empty()) fmt::print("           witness: {}\n", l.witness);
    if (!l.tightest_bound.empty())
      fmt::print("           claimed {}, tightest proved {}\n", l.claimed_bound, l.tightest_bound);
    if (!l.failing_bound.empty()) fmt::print("           smaller bound {}\n", l.failing_bound);
    if (!l.note.empty()) fmt::print("           note: {}\n", l.note);
  }
}

void print_equivalence(const Report& r);  // below: verdict, counterexample, cuts, certificates

}  // namespace

void print_report(const Report& r) {
  fmt::print("component     {}: {}\n", r.component->name, r.component->description);
  fmt::print("serves        {}\n", r.component->lemma);
  fmt::print("parameters    {}\n", parameters(r));
  if (r.builtin) {
    fmt::print("circuit       {}\n", r.circuit_file);
    fmt::print("  yours       {}\n", stats_line(r.construction));
    fmt::print("  built-in    {}\n", stats_line(*r.builtin));
    if (r.ignored_constraints)
      fmt::print(
          "  note        the file's {} input constraint(s) are not assumed: the spec's define the "
          "valid inputs\n",
          r.ignored_constraints);
  } else {
    fmt::print("construction  {}\n", stats_line(r.construction));
  }
  if (r.lowering)
    fmt::print(
        "  lowered     from {} (weights lowered below 2^b > fan-in: {} gates replaced, {} kept)\n",
        stats_line(r.lowering->original), r.lowering->counts.gates_lowered,
        r.lowering->counts.gates_kept);
  if (r.spec_not_built.empty())
    fmt::print("spec          {}\n", stats_line(r.spec));
  else
    fmt::print("spec          not built: {}\n", r.spec_not_built);
  if (!r.component->depth_note.empty()) fmt::print("depth note    {}\n", r.component->depth_note);
  if (!r.component->size_note.empty()) fmt::print("size note     {}\n", r.component->size_note);
  if (r.miter_cnf) {
    const MiterCnfSize& m = *r.miter_cnf;
    fmt::print(
        "miter cnf     variables {}  clauses {}  threshold gates: plain {}, direct {}, bdd {}, "
        "adder {} (on {} shared sums), totalizer {} (on {} shared counters)\n",
        m.variables, m.clauses, m.gates.plain, m.gates.direct, m.gates.bdd, m.gates.adder,
        m.adder_sums, m.gates.totalizer, m.totalizer_counts);
  }
  if (!r.equivalence) return;
  print_equivalence(r);
  print_lemmas(r.lemmas);
}

namespace {

void print_equivalence(const Report& r) {
  const EquivalenceResult& e = *r.equivalence;
  std::string how = fmt::format("engine {}, {:.2f} s", engine_name(e.engine), e.seconds);
  if (e.engine == Engine::Sim)
    how += fmt::format(", {} valid inputs enumerated", e.simulated_points);
  if (!e.sat_first.empty()) how += "; " + e.sat_first;
  if (e.engine == Engine::Sat)
    how += fmt::format(", {} SAT obligation{}", e.sat.obligations.size(),
                       e.sat.obligations.size() == 1 ? "" : "s");
  switch (e.verdict) {
    case Verdict::Proved:
      fmt::print("verdict       PROVED{} ({})\n", all_certified(e) ? " (certified)" : "", how);
      break;
    case Verdict::Unknown:
      fmt::print("verdict       UNKNOWN: {} ({})\n",
                 unchecked_answer(e) ? "an obligation's outside answer did not check (below)"
                                     : "limit reached before a proof or counterexample",
                 how);
      break;
    case Verdict::Emitted:
      fmt::print(
          "verdict       none yet: SAT obligations emitted for outside solvers ({}); answer each "
          "BASE.cnf with BASE.out and BASE.drat, then verify --collect DIR\n",
          how);
      break;
    case Verdict::Counterexample:
      fmt::print("verdict       COUNTEREXAMPLE, replayed by simulation on both circuits ({})\n",
                 how);
      for (const auto& [name, value] : r.cex_inputs) fmt::print("  input  {} = {}\n", name, value);
      for (const auto& o : r.cex_outputs)
        fmt::print("  output {}: spec = {}, {} = {}{}\n", o.word, o.spec,
                   r.builtin ? "circuit" : "construction", o.construction,
                   o.differs ? "   <-- differs" : "");
      break;
  }
  if (!e.sat.composition.empty()) fmt::print("  composition  {}\n", e.sat.composition);
  for (const auto& b : e.sat.blocks)
    fmt::print(
        "  block  {} (x{}): gates {} depth {} wires {} (spec gates {} depth {}), {:.2f} s: {}\n",
        b.name, b.instances, b.gates, b.depth, b.wires, b.spec_gates, b.spec_depth, b.seconds,
        b.proof);
  for (const auto& cut : e.sat.shared_cuts) {
    if (!e.sat.blocks.empty()) continue;  // the block lines above say it
    fmt::print("  cut    {}: blocks proved equivalent by {}, then shared by both sides\n", cut.name,
               cut.proof);
  }
  for (const auto& why : e.sat.unshared_cuts) fmt::print("  cut    {} (not shared)\n", why);
  if (!e.sat.case_split.empty())
    fmt::print("  split  {}{}\n", case_split_summary(e.sat),
               e.verdict == Verdict::Proved ? "; every output bit proved in each case" : "");
  for (const auto& ob : e.sat.obligations) {
    if (ob.certified)
      fmt::print("  output {}: proof certified by the DRUP checker ({})\n", ob.output_word,
                 ob.proof_path);
    else if (ob.result == SatAnswer::Unknown && !ob.certificate_message.empty())
      fmt::print("  output {}: no verdict: {}\n", ob.output_word, ob.certificate_message);
  }
}

}  // namespace

nlohmann::json report_json(const Report& r) {
  nlohmann::json j;
  j["component"] = r.component->name;
  for (const ParamSpec& ps : r.component->params) j[ps.name] = param_value(r, ps);
  if (!r.component->flags.empty()) j["flags"] = r.params.flags;
  if (!r.component->weights.empty()) j["weights"] = r.params.weights.empty() ? "default" : "file";
  j["mutant"] = r.params.mutant.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.params.mutant);
  j["construction"] = stats_json(r.construction);
  if (r.builtin) {  // the checked construction is the file's
    j["circuit_file"] = r.circuit_file;
    j["builtin_construction"] = stats_json(*r.builtin);
  }
  if (r.lowering)
    j["weights_lowered"] = {{"gates_lowered", r.lowering->counts.gates_lowered},
                            {"gates_kept", r.lowering->counts.gates_kept},
                            {"original", stats_json(r.lowering->original)}};
  if (r.spec_not_built.empty()) {
    j["spec"] = stats_json(r.spec);
  } else {
    j["spec"] = nullptr;
    j["spec_not_built"] = r.spec_not_built;
  }
  if (!r.component->depth_note.empty()) j["depth_note"] = r.component->depth_note;
  if (!r.component->size_note.empty()) j["size_note"] = r.component->size_note;
  if (r.miter_cnf) {
    const MiterCnfSize& m = *r.miter_cnf;
    j["miter_cnf"] = {{"variables", m.variables},
                      {"clauses", m.clauses},
                      {"gates_plain", m.gates.plain},
                      {"gates_direct", m.gates.direct},
                      {"gates_bdd", m.gates.bdd},
                      {"gates_adder", m.gates.adder},
                      {"adder_sums", m.adder_sums},
                      {"gates_totalizer", m.gates.totalizer},
                      {"totalizer_counts", m.totalizer_counts}};
  }
  if (r.equivalence) {
    const EquivalenceResult& e = *r.equivalence;
    j["verdict"] = verdict_name(e.verdict);
    j["certified"] = e.verdict == Verdict::Proved && all_certified(e);
    j["engine"] = engine_name(e.engine);
    j["seconds"] = e.seconds;
    if (e.engine == Engine::Sim) j["simulated_points"] = e.simulated_points;
    if (!e.sat_first.empty()) j["sat_first"] = e.sat_first;
    nlohmann::json obs = nlohmann::json::array();
    for (const auto& ob : e.sat.obligations) {
      nlohmann::json o = {{"output", ob.output_word},
                          {"result", sat_answer_name(ob.result)},
                          {"variables", ob.variables},
                          {"clauses", ob.clauses},
                          {"seconds", ob.seconds}};
      if (!ob.proof_path.empty()) {
        o["cnf"] = ob.cnf_path;
        o["proof"] = ob.proof_path;
        o["certified"] = ob.certified;
      }
      if (ob.emitted) o["emitted"] = true;
      if (ob.cases > 0) o["cases"] = ob.cases;
      if (ob.result == SatAnswer::Unknown && !ob.certificate_message.empty())
        o["why_unknown"] = ob.certificate_message;
      obs.push_back(o);
    }
    j["obligations"] = obs;
    nlohmann::json cuts = nlohmann::json::array();
    for (const auto& cut : e.sat.shared_cuts)
      cuts.push_back({{"name", cut.name}, {"proof", cut.proof}});
    j["shared_cuts"] = cuts;
    if (!e.sat.composition.empty()) j["composition"] = e.sat.composition;
    if (!e.sat.case_split.empty()) j["case_split"] = case_split_summary(e.sat);
    nlohmann::json blocks = nlohmann::json::array();
    for (const auto& b : e.sat.blocks)
      blocks.push_back({{"name", b.name},
                        {"instances", b.instances},
                        {"gates", b.gates},
                        {"depth", b.depth},
                        {"wires", b.wires},
                        {"spec_gates", b.spec_gates},
                        {"spec_depth", b.spec_depth},
                        {"proof", b.proof},
                        {"seconds", b.seconds}});
    if (!blocks.empty()) j["blocks"] = blocks;
    if (e.counterexample) {
      nlohmann::json c, inputs, spec, construction;
      for (const auto& [name, value] : r.cex_inputs) inputs[name] = value;
      for (const auto& o : r.cex_outputs) {
        spec[o.word] = o.spec;
        construction[o.word] = o.construction;
      }
      c["inputs"] = inputs;
      c["spec_output"] = spec;
      c["construction_output"] = construction;
      c["differing_outputs"] = e.counterexample->differing_words;
      c["replayed"] = true;
      j["counterexample"] = c;
    } else {
      j["counterexample"] = nullptr;
    }
  } else {
    j["verdict"] = nullptr;
  }
  nlohmann::json lemmas = nlohmann::json::array();
  for (const auto& l : r.lemmas) lemmas.push_back(lemma_json(l));
  j["lemmas"] = lemmas;
  return j;
}

}  // namespace tc
