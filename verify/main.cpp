// The `verify` command line: list components, measure them, prove them, report verdicts.
//
// Exit codes: 0 proved (or nothing to prove), 1 counterexample, 2 usage or input error,
// 3 unknown (a limit was reached), 4 internal error (e.g. a counterexample that does not replay).
#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "verify/eval.hpp"
#include "verify/exports.hpp"
#include "verify/registry.hpp"
#include "verify/run_component.hpp"

namespace {

using namespace tc;

struct Options {
  bool list = false, list_mutants = false, all = false, stats_only = false, json = false;
  bool check_proofs = false;
  std::string export_aiger, export_cnf, export_dot;
  std::string component, engine = "auto", proof_dir;
  std::vector<std::string> eval_inputs;
  double timeout = 0;
  bool p_given = false;  // without --p each component runs at its own default precision
  bool n_given = false;  // likewise for --n; without --e, Component::e_default applies
  Params params;
};

// Progress lines on stderr, only once a run has taken more than a second, at most one a second.
class Progress {
 public:
  void say(const std::string& msg) {
    const auto now = std::chrono::steady_clock::now();
    if (now - start_ < std::chrono::seconds(1) || now - last_ < std::chrono::seconds(1)) return;
    last_ = now;
    std::fprintf(stderr, "verify: %s\n", msg.c_str());
  }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_{};
};

void print_list() {
  fmt::print("{:<10} {:<44} {}\n", "component", "parameters", "serves");
  for (const auto& c : all_components()) {
    std::string params = fmt::format("--p {}..{}", c.p_min, c.p_max);
    if (c.uses_n) params += fmt::format(", --n {}..{}", c.n_min, c.n_max);
    if (c.uses_e) params += c.e_default > 0 ? fmt::format(", --e (default {})", c.e_default) : ", --e (default p+1)";
    fmt::print("{:<10} {:<44} {}\n", c.name, params, c.lemma);
    fmt::print("{:<10} {}\n", "", c.description);
  }
}

int worse(int a, int b) {  // internal error > counterexample > unknown > proved
  auto rank = [](int code) { return code == 4 ? 3 : code == 1 ? 2 : code == 3 ? 1 : 0; };
  return rank(a) >= rank(b) ? a : b;
}

int run_eval_command(const Options& o) {
  const Component* c = find_component(o.component);
  if (!c) throw UsageError("unknown component '" + o.component + "' (see verify --list)");
  Params params = o.params;
  if (!o.p_given) params.p = c->p_default;
  if (!o.n_given) params.n = c->n_default;
  if (params.e == 0) params.e = c->e_default;
  validate_params(*c, params);
  try {
    return run_eval(*c, params, o.eval_inputs, o.json);
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
}

int run(const Options& o) {
  if (o.list) {
    print_list();
    return 0;
  }
  std::vector<const Component*> targets;
  if (o.all) {
    for (const auto& c : all_components()) targets.push_back(&c);
  } else {
    const Component* c = find_component(o.component);
    if (!c) throw UsageError("unknown component '" + o.component + "' (see verify --list)");
    targets.push_back(c);
  }
  if (o.list_mutants) {
    for (const auto* c : targets)
      for (const auto& m : c->mutants) fmt::print("{:<28} {}\n", m.name, m.description);
    return 0;
  }
  Progress progress;
  EquivalenceParams eq;
  eq.engine = o.engine == "sat"   ? Engine::Sat
              : o.engine == "sim" ? Engine::Sim
              : o.engine == "z3"  ? Engine::Z3
                                  : Engine::Auto;
  eq.miter.timeout_seconds = o.timeout;
  eq.miter.proof_dir = o.proof_dir;
  eq.miter.check_proofs = o.check_proofs;
  eq.miter.progress = [&](const std::string& msg) { progress.say(msg); };
  int code = 0;
  for (const auto* c : targets) {
    Params params = o.params;
    if (!o.p_given) params.p = c->p_default;
    if (!o.n_given) params.n = c->n_default;
    if (params.e == 0) params.e = c->e_default;
    if (o.all) {  // each component at the requested p, clamped to what it supports
      if (params.p < c->p_min || params.p > c->p_max) {
        std::fprintf(stderr, "verify: skipping %s: p = %d is outside %d..%d\n", c->name.c_str(),
                     params.p, c->p_min, c->p_max);
        continue;
      }
    }
    if (o.all && !o.proof_dir.empty()) eq.miter.proof_dir = o.proof_dir + "/" + c->name;
    progress.say("building " + c->name);
    if (!o.export_aiger.empty() || !o.export_cnf.empty() || !o.export_dot.empty()) {
      if (o.all) throw UsageError("exports take one --component, not --all");
      Exports ex{o.export_aiger, o.export_cnf, o.export_dot};
      for (const auto& line : export_component(*c, params, ex)) std::fprintf(stderr, "verify: wrote %s\n", line.c_str());
    }
    Report r = run_component(*c, params, o.stats_only, eq);
    if (o.json) {
      std::cout << report_json(r).dump() << std::endl;
    } else {
      print_report(r);
      if (targets.size() > 1) fmt::print("\n");
    }
    code = worse(code, report_exit_code(r));
  }
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"verify: prove threshold-circuit constructions equivalent to their specs"};
  Options o;
  app.add_flag("--list", o.list, "List the components: name, parameters, paper lemma");
  app.add_option("--component", o.component, "Component to verify (see --list)");
  app.add_flag("--all", o.all, "Verify every component (the regression proof run)");
  CLI::Option* p_option = app.add_option("--p", o.params.p, "Precision / operand width (default: the component's)")
                              ->check(CLI::Range(1, 64));
  CLI::Option* n_option = app.add_option("--n", o.params.n, "Number of operands, where the component takes it (default: the component's)")
                              ->check(CLI::Range(1, 64));
  app.add_option("--rows", o.params.rows, "Rows of the left matrix (matmul)")->check(CLI::Range(1, 16));
  app.add_option("--cols", o.params.cols, "Columns of the right matrix (matmul)")->check(CLI::Range(1, 16));
  app.add_option("--e", o.params.e, "Float exponent bits (default p + 1, or the component's own)")->check(CLI::Range(2, 20));
  app.add_option("--mutant", o.params.mutant, "Verify a deliberately broken construction");
  app.add_option("--engine", o.engine, "auto (simulate small input spaces), sat, sim, or z3 (second opinion)")
      ->check(CLI::IsMember({"auto", "sat", "sim", "z3"}));
  app.add_option("--timeout", o.timeout, "Seconds before the proof engine (sat, sim or z3) gives up (UNKNOWN)")
      ->check(CLI::Range(0.0, 1e6));
  app.add_flag("--json", o.json, "One JSON object per component on stdout");
  app.add_flag("--stats-only", o.stats_only, "Sizes and depths only, no proof");
  app.add_flag("--list-mutants", o.list_mutants, "List the component's mutants");
  app.add_option("--proof", o.proof_dir, "Write each SAT obligation's CNF and DRAT proof to DIR");
  app.add_option("--export-aiger", o.export_aiger,
                 "Write BASE.construction.aig, BASE.spec.aig and BASE.miter.aig (binary AIGER)");
  app.add_option("--export-cnf", o.export_cnf, "Write the miter CNF in DIMACS, input variables named");
  app.add_option("--export-dot", o.export_dot, "Write the construction as a Graphviz graph ranked by depth");
  app.add_flag("--check-proofs", o.check_proofs, "Certify each UNSAT answer with the DRUP checker (needs --proof)");
  CLI::App* eval = app.add_subcommand("eval", "Evaluate a component on given inputs: construction, spec and exact reference");
  eval->add_option("--component", o.component, "Component to evaluate")->required();
  CLI::Option* eval_p_option = eval->add_option("--p", o.params.p, "Precision / operand width")->check(CLI::Range(1, 64));
  CLI::Option* eval_n_option = eval->add_option("--n", o.params.n, "Number of operands")->check(CLI::Range(1, 64));
  eval->add_option("--rows", o.params.rows, "Rows of the left matrix (matmul)")->check(CLI::Range(1, 16));
  eval->add_option("--cols", o.params.cols, "Columns of the right matrix (matmul)")->check(CLI::Range(1, 16));
  eval->add_option("--e", o.params.e, "Float exponent bits (default p + 1, or the component's own)")->check(CLI::Range(2, 20));
  eval->add_option("--mutant", o.params.mutant, "Evaluate a deliberately broken construction");
  eval->add_option("--inputs", o.eval_inputs,
                   "word=value ...: integers; floats as m,e (value m * 2^e) or an exact decimal")
      ->required();
  eval->add_flag("--json", o.json, "One JSON object on stdout");
  try {
    app.parse(argc, argv);
    o.p_given = p_option->count() > 0 || eval_p_option->count() > 0;
    o.n_given = n_option->count() > 0 || eval_n_option->count() > 0;
    if (*eval) return run_eval_command(o);
    if (!o.list && !o.all && o.component.empty())
      throw UsageError("nothing to do: give --component NAME, --all or --list (see --help)");
    if (o.all && !o.component.empty()) throw UsageError("give either --component or --all, not both");
    if (o.check_proofs && o.proof_dir.empty()) throw UsageError("--check-proofs needs --proof DIR");
    return run(o);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return 0;
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "verify: error: %s\n", e.what());
    return 2;
  } catch (const UsageError& e) {
    std::fprintf(stderr, "verify: error: %s\n", e.what());
    return 2;
  } catch (const ReplayError& e) {
    std::fprintf(stderr, "verify: internal error: %s\n", e.what());
    return 4;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "verify: internal error: %s\n", e.what());
    return 4;
  }
}
