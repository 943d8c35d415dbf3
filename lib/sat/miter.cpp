// SAT miter on CaDiCaL (see miter.hpp).
#include "lib/sat/miter.hpp"

#include <cadical.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "lib/cnf/dimacs.hpp"
#include "lib/proof/drup_check.hpp"
#include "lib/sat/circuit_cnf.hpp"

namespace tc {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Stops CaDiCaL when the shared deadline passes.
class DeadlineTerminator : public CaDiCaL::Terminator {
 public:
  explicit DeadlineTerminator(std::optional<Clock::time_point> deadline) : deadline_(deadline) {}
  bool terminate() override { return deadline_ && Clock::now() >= *deadline_; }

 private:
  std::optional<Clock::time_point> deadline_;
};

std::string file_safe(const std::string& name) {
  std::string s;
  for (char ch : name) s += (std::isalnum(static_cast<unsigned char>(ch)) || ch == '-') ? ch : '_';
  return s;
}

}  // namespace

Circuit build_miter(const Circuit& construction, const Circuit& spec) {
  check_same_interface(construction, spec);
  Circuit m("miter(" + construction.name() + ", " + spec.name() + ")");
  std::vector<Signal> inputs;
  for (const auto& w : spec.input_words()) {
    Bits bits = m.add_input_word(w.name, static_cast<int>(w.bits.size()), w.decoding);
    inputs.insert(inputs.end(), bits.begin(), bits.end());
  }
  auto map_c = m.import(construction, inputs);
  auto map_s = m.import(spec, inputs);
  auto in_c = [&](Signal s) { return map_c[s.node()] ^ s.complemented(); };
  auto in_s = [&](Signal s) { return map_s[s.node()] ^ s.complemented(); };
  for (Signal s : construction.constraints()) m.add_constraint(in_c(s));
  for (Signal s : spec.constraints()) m.add_constraint(in_s(s));
  for (size_t w = 0; w < spec.output_words().size(); ++w) {
    const Word& wc = construction.output_words()[w];
    const Word& ws = spec.output_words()[w];
    Bits diff;
    for (size_t i = 0; i < ws.bits.size(); ++i) diff.push_back(m.create_xor(in_c(wc.bits[i]), in_s(ws.bits[i])));
    m.add_output_word("diff:" + ws.name, diff, Decoding::unsigned_int());
  }
  return m;
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
  Circuit m = build_miter(construction, spec);
  if (!params.proof_dir.empty()) std::filesystem::create_directories(params.proof_dir);

  std::optional<bool> verdict = true;
  for (const Word& diff : m.output_words()) {
    ObligationStats ob;
    ob.output_word = diff.name.substr(5);
    const auto ob_start = Clock::now();
    CircuitCnf cc;
    for (Signal s : m.constraints()) cc.cnf.add_clause({cnf_encode_cone(cc, m, {s})[0]});
    std::vector<Lit> some_difference = cnf_encode_cone(cc, m, diff.bits);
    // Constant-false difference bits are fine: the clause simply loses them.
    cc.cnf.add_clause(some_difference);
    // Inputs outside the cone still get variables, so a model covers every input bit.
    std::vector<Lit> input_lits;
    for (uint32_t n : m.input_nodes()) input_lits.push_back(cnf_encode_cone(cc, m, {Signal(n, false)})[0]);
    ob.variables = cc.cnf.num_vars;
    ob.clauses = cc.cnf.clauses.size();

    CaDiCaL::Solver solver;
    DeadlineTerminator terminator(deadline);
    solver.connect_terminator(&terminator);
    if (params.conflict_limit >= 0) solver.limit("conflicts", params.conflict_limit);
    const std::string base = params.proof_dir.empty()
                                 ? std::string()
                                 : params.proof_dir + "/" + file_safe(ob.output_word);
    if (!base.empty()) {
      ob.cnf_path = base + ".cnf";
      ob.proof_path = base + ".drat";
      std::ofstream out(ob.cnf_path);
      cnf_write_dimacs(out, cc.cnf, {"miter obligation: output word " + ob.output_word});
      if (!solver.trace_proof(ob.proof_path.c_str()))
        throw std::runtime_error("cannot write proof file " + ob.proof_path);
    }
    for (const Clause& c : cc.cnf.clauses) {
      for (Lit l : c) solver.add(l);
      solver.add(0);
    }
    const int result = solver.solve();
    solver.disconnect_terminator();
    if (!base.empty()) solver.close_proof_trace();
    ob.seconds = seconds_since(ob_start);
    if (result == 10) {
      ob.result = "sat";
      Assignment cex;
      for (Lit l : input_lits) cex.push_back(solver.val(l) > 0);
      st.counterexample = cex;
      st.differing_word = ob.output_word;
      verdict = false;
    } else if (result == 20) {
      ob.result = "unsat";
      if (params.check_proofs && !base.empty()) {
        DrupResult check = drup_check(cc.cnf, ob.proof_path);
        ob.certified = check.verified;
        ob.certificate_message = check.message;
        if (!check.verified)
          throw std::runtime_error("proof of output word '" + ob.output_word +
                                   "' failed to certify: " + check.message);
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
    if (result != 20) break;  // a counterexample or an exhausted budget ends the run
  }
  st.seconds = seconds_since(start);
  return verdict;
}

}  // namespace tc
