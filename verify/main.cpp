// The `verify` command line: list components, measure them, prove them, report verdicts.
//
// Exit codes: 0 proved (or nothing to prove), 1 counterexample, 2 usage or input error,
// 3 unknown (a limit was reached), 4 internal error (e.g. a counterexample that does not replay).
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>

#include "lib/threshold_bdd.hpp"
#include "lib/threshold_encode.hpp"
#include "lib/threshold_totalizer.hpp"
#include "verify/child_tasks.hpp"
#include "verify/eval.hpp"
#include "verify/exports.hpp"
#include "verify/memory_limit.hpp"
#include "verify/obligation_manifest.hpp"
#include "verify/registry.hpp"
#include "verify/run_component.hpp"
#include "verify/user_circuit.hpp"
#include "verify/weights.hpp"

namespace {

using namespace tc;

struct Options {
  bool list = false, list_mutants = false, all = false, stats_only = false, json = false;
  bool check_proofs = false;
  bool lower_weights = false;  // check the construction with its large weights lowered
  bool no_case_split = false;  // prove without the circuits' case splits (for comparison)
  std::string export_aiger, export_cnf, export_opb, export_dot, export_circuit, circuit_file;
  std::string component, engine = "auto", encoding = "auto", proof_dir, weights_file, mutant;
  std::string emit_dir, collect_dir;  // obligations for outside solvers, and their answers
  ObligationExchange exchange = ObligationExchange::None;
  std::vector<std::string> eval_inputs;
  double timeout = 0;
  int jobs = 1;  // --all: components side by side, each in a child process
  double memory_limit = default_memory_limit_gib();
  // Every parameter and flag any component declares, with what the user typed; a component's
  // Params start at its own defaults and take only the options it declares (params_for).
  std::map<std::string, int> values;
  std::map<std::string, CLI::Option*> value_options, eval_value_options;
  std::map<std::string, bool> flags;
  std::map<std::string, CLI::Option*> flag_options, eval_flag_options;
};

bool given(const std::map<std::string, CLI::Option*>& a,
           const std::map<std::string, CLI::Option*>& b, const std::string& name) {
  return a.at(name)->count() > 0 || b.at(name)->count() > 0;
}

// Params for component c: its defaults, then every option the user gave. An option c does not
// declare is a usage error, except under --all, where it applies to the components that take it.
Params params_for(const Options& o, const Component& c, bool lenient) {
  Params params = c.defaults();
  for (const auto& [name, value] : o.values) {
    if (!given(o.value_options, o.eval_value_options, name)) continue;
    if (!c.takes(name)) {
      if (lenient) continue;
      std::string taken;
      for (const auto& ps : c.params)
        taken += fmt::format("{}--{}", taken.empty() ? "" : ", ", ps.name);
      throw UsageError(fmt::format("{} takes no --{} (its parameters: {})", c.name, name, taken));
    }
    *params.field(name) = value;
  }
  for (const auto& [name, on] : o.flags) {
    if (!given(o.flag_options, o.eval_flag_options, name)) continue;
    if (!c.declares(name)) {
      if (lenient) continue;
      throw UsageError(fmt::format("{} takes no --{}", c.name, name));
    }
    params.flags.insert(name);
  }
  if (!o.weights_file.empty()) {
    if (c.weights.empty()) {
      if (!lenient) throw UsageError(fmt::format("{} takes no --weights", c.name));
    } else {
      try {
        params.weights = read_weights_file(o.weights_file);
      } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
      }
    }
  }
  params.mutant = o.mutant;
  return params;
}

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
  fmt::print("{:<14} {:<44} {}\n", "component", "parameters (default)", "serves");
  for (const auto& c : all_components()) {
    std::string params;
    for (const auto& ps : c.params) {
      if (!params.empty()) params += ", ";
      params += ps.name == "e" && ps.default_value == 0
                    ? "--e (p+1)"
                    : fmt::format("--{} {}..{} ({})", ps.name, ps.min, ps.max, ps.default_value);
      if (const int sizes = c.p_max(c.defaults(), /*stats_only=*/true);
          ps.name == "p" && sizes > ps.max)
        params += fmt::format(" (--stats-only to {})", sizes);
    }
    for (const auto& f : c.flags)
      params += f.p_max > 0 ? fmt::format(", --{} (p to {})", f.name, f.p_max) : ", --" + f.name;
    if (!c.weights.empty()) params += ", --weights FILE";
    fmt::print("{:<14} {:<44} {}\n", c.name, params, c.lemma);
    fmt::print("{:<14} {}\n", "", c.description);
    if (c.depth > 0) fmt::print("{:<14} depth {} at every p >= 4\n", "", c.depth);
  }
}

// The error line(s) and exit code for the exception being handled (call inside a catch).
int report_error(double memory_limit) {
  try {
    throw;
  } catch (const UsageError& e) {
    // One line per problem (a circuit file's port mismatches come several at once).
    const std::string message = e.what();
    for (size_t start = 0, end; start <= message.size(); start = end + 1) {
      end = std::min(message.find('\n', start), message.size());
      std::fprintf(stderr, "verify: error: %s\n", message.substr(start, end - start).c_str());
    }
    return 2;
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr,
                 "verify: error: out of memory: the run needs more than its %.1f GiB "
                 "(--memory-limit); no verdict\n",
                 memory_limit);
    return 3;
  } catch (const ThresholdBddTooLarge& e) {  // --encoding bdd: a size limit known in advance
    std::fprintf(stderr, "verify: error: %s (--encoding bdd); no verdict\n", e.what());
    return 3;
  } catch (const ThresholdTotalizerTooLarge& e) {  // --encoding totalizer, likewise
    std::fprintf(stderr, "verify: error: %s (--encoding totalizer); no verdict\n", e.what());
    return 3;
  } catch (const ReplayError& e) {
    std::fprintf(stderr, "verify: internal error: %s\n", e.what());
    return 4;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "verify: internal error: %s\n", e.what());
    return 4;
  }
}

int worse(int a, int b) {  // internal error > counterexample > unknown > proved
  auto rank = [](int code) { return code == 4 ? 3 : code == 1 ? 2 : code == 3 ? 1 : 0; };
  return rank(a) >= rank(b) ? a : b;
}

int run_eval_command(const Options& o) {
  const Component* c = find_component(o.component);
  if (!c) throw UsageError("unknown component '" + o.component + "' (see verify --list)");
  const Params params = params_for(o, *c, false);
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
  eq.miter.exchange = o.exchange;
  eq.miter.case_splits = !o.no_case_split;
  eq.miter.progress = [&](const std::string& msg) { progress.say(msg); };
  auto verify_one = [&](const Component* c) -> int {
    const Params params = params_for(o, *c, o.all);
    if (o.all) {  // each component at the requested p, clamped to what it supports
      const int p_max = c->p_max(params, o.stats_only);
      if (params.p < c->p_spec().min || params.p > p_max) {
        // With --stats-only, the measured reason sizes stop there (Component::stats_limit).
        const bool sizes_stop = o.stats_only && params.p > p_max && !c->stats_limit.empty();
        std::fprintf(stderr, "verify: skipping %s: p = %d is outside %d..%d%s\n", c->name.c_str(),
                     params.p, c->p_spec().min, p_max,
                     sizes_stop ? (" (" + c->stats_limit + ")").c_str() : "");
        return 0;
      }
    }
    EquivalenceParams eq_c = eq;
    if (o.all && !o.proof_dir.empty()) eq_c.miter.proof_dir = o.proof_dir + "/" + c->name;
    progress.say("building " + c->name);
    std::optional<MiterCnfSize> cnf_size;  // --export-cnf: reported with the circuits' sizes
    std::optional<Sides> sides;            // built once for the exports and the check
    if (!o.export_aiger.empty() || !o.export_cnf.empty() || !o.export_opb.empty() ||
        !o.export_dot.empty()) {
      if (o.all) throw UsageError("exports take one --component, not --all");
      Exports ex{o.export_aiger, o.export_cnf, o.export_opb, o.export_dot};
      for (const auto& line : export_component(*c, params, ex, sides, &cnf_size))
        std::fprintf(stderr, "verify: wrote %s\n", line.c_str());
    }
    if (!o.export_circuit.empty()) {
      if (o.all) throw UsageError("--export-circuit takes one --component, not --all");
      if (!sides) sides = build_sides(*c, params, o.stats_only);
      export_circuit_text(sides->construction, o.export_circuit);
      std::fprintf(stderr, "verify: wrote %s\n", o.export_circuit.c_str());
    }
    if (o.all && !o.circuit_file.empty())
      throw UsageError("--circuit takes one --component, not --all");
    Report r = run_component(*c, params, o.stats_only, eq_c, o.circuit_file, o.lower_weights,
                             sides ? &*sides : nullptr);
    r.miter_cnf = cnf_size;
    if (o.json) {
      std::cout << report_json(r).dump() << std::endl;
    } else {
      print_report(r);
      if (targets.size() > 1) fmt::print("\n");
    }
    return report_exit_code(r);
  };
  int code = 0;
  if (o.jobs > 1 && targets.size() > 1) {
    // Side by side, reports in registry order: the output and the exit code do not depend on N.
    const auto outcomes = run_child_tasks(targets.size(), o.jobs, [&](size_t i) {
      try {
        return TaskOutcome{verify_one(targets[i]), false};
      } catch (...) {  // what main would print for the sequential run, which stops here
        return TaskOutcome{report_error(o.memory_limit), true};
      }
    });
    for (size_t i = 0; i < outcomes.size(); ++i) {
      if (outcomes[i].signal != 0)
        std::fprintf(stderr,
                     "verify: internal error: the process verifying %s ended by signal %d\n",
                     targets[i]->name.c_str(), outcomes[i].signal);
      code = outcomes[i].stops_run ? outcomes[i].code : worse(code, outcomes[i].code);
    }
    return code;
  }
  eq.miter.jobs = o.jobs;  // one component: its independent obligations side by side
  for (const auto* c : targets) code = worse(code, verify_one(c));
  return code;
}

// --emit-obligations DIR: certified-run checks, plus an empty DIR so that the manifest lists this
// run's obligations only.
void prepare_emit(Options& o) {
  if (!o.proof_dir.empty() || o.check_proofs)
    throw UsageError(
        "--emit-obligations writes the obligations for outside solvers; it takes no "
        "--proof or --check-proofs");
  std::error_code ec;
  if (std::filesystem::exists(o.emit_dir, ec) && !std::filesystem::is_empty(o.emit_dir, ec))
    throw UsageError("the obligation directory '" + o.emit_dir + "' is not empty");
  o.proof_dir = o.emit_dir;
  o.exchange = ObligationExchange::Emit;
}

double memory_limit_in_force = 0;  // GiB, for the out-of-memory message

// Parses `args` (without the program name) and runs them. `collect_dir`: a --collect run, whose
// arguments come from the manifest.
int parse_and_run(std::vector<std::string> args, const std::string& collect_dir,
                  bool collect_json) {
  CLI::App app{"verify: prove threshold-circuit constructions equivalent to their specs"};
  Options o;
  app.add_flag("--list", o.list, "List the components: name, parameters, paper lemma");
  app.add_option("--component", o.component, "Component to verify (see --list)");
  app.add_flag("--all", o.all, "Verify every component (the regression proof run)");
  // One option per parameter and flag that some component declares (the registry is the list).
  std::map<std::string, std::string> meanings, flag_meanings;
  for (const auto& c : all_components()) {
    for (const auto& ps : c.params) meanings.emplace(ps.name, ps.meaning);
    for (const auto& f : c.flags) flag_meanings.emplace(f.name, f.meaning);
  }
  for (const auto& [name, meaning] : meanings) {
    o.values[name] = 0;
    o.value_options[name] =
        app.add_option("--" + name, o.values[name], meaning + " (default: the component's)")
            ->check(CLI::Range(1, 64));
  }
  for (const auto& [name, meaning] : flag_meanings) {
    o.flags[name] = false;
    o.flag_options[name] = app.add_flag("--" + name, o.flags[name], meaning);
  }
  app.add_option("--weights", o.weights_file,
                 "JSON file of constant weights, for components that take them");
  app.add_option("--mutant", o.mutant, "Verify a deliberately broken construction");
  app.add_option("--engine", o.engine,
                 "auto (simulate small input spaces), sat, sim, or z3 (second opinion)")
      ->check(CLI::IsMember({"auto", "sat", "sim", "z3"}));
  app.add_option("--encoding", o.encoding,
                 "Wide threshold gates in CNF and AIGER: auto (per gate, the smaller), bdd, "
                 "adder or totalizer (every one; for comparing them)")
      ->check(CLI::IsMember({"auto", "bdd", "adder", "totalizer"}));
  app.add_option("--memory-limit", o.memory_limit,
                 "GiB of address space the run may use, 0 = no limit (default: half the machine's "
                 "memory); beyond it the run stops with one error line, no verdict (exit 3)")
      ->check(CLI::Range(0.0, 1e6));
  app.add_option("--timeout", o.timeout,
                 "Seconds before the proof engine (sat, sim or z3) gives up (UNKNOWN)")
      ->check(CLI::Range(0.0, 1e6));
  app.add_option("--jobs", o.jobs,
                 "Work side by side (default 1): with --all N components at a time, each in a "
                 "process of its own; else the output words of each SAT miter on N threads. The "
                 "report and the exit code do not depend on N")
      ->check(CLI::Range(1, 256));
  app.add_flag("--no-case-split", o.no_case_split,
               "Prove without the circuits' case splits (proof hints such as fadd's alignment), "
               "to compare their effect; the verdict does not change");
  app.add_flag("--json", o.json, "One JSON object per component on stdout");
  app.add_flag("--stats-only", o.stats_only, "Sizes and depths only, no proof");
  app.add_flag("--list-mutants", o.list_mutants, "List the component's mutants");
  app.add_option("--proof", o.proof_dir,
                 "Write each SAT obligation's CNF and DRAT proof to DIR (created if need be; the "
                 "engine is then sat)");
  app.add_option("--export-aiger", o.export_aiger,
                 "Write BASE.construction.aig, BASE.spec.aig and BASE.miter.aig (binary AIGER)");
  app.add_option("--export-cnf", o.export_cnf,
                 "Write the miter CNF in DIMACS, input variables named");
  app.add_option(
      "--export-opb", o.export_opb,
      "Write the miter in OPB (pseudo-Boolean competition format), input variables named");
  app.add_option("--export-dot", o.export_dot,
                 "Write the construction as a Graphviz graph ranked by depth");
  app.add_option("--circuit", o.circuit_file,
                 "Check this circuit file (.tc text, .aag/.aig AIGER; docs/circuit-format.md) in "
                 "place of the construction");
  app.add_option("--export-circuit", o.export_circuit,
                 "Write the construction in the .tc text format");
  app.add_flag("--check-proofs", o.check_proofs,
               "Certify each UNSAT answer with the DRUP checker (needs --proof)");
  app.add_flag("--lower-weights", o.lower_weights,
               "Measure and check the construction with every gate of weight >= 2^b > fan-in "
               "replaced by a depth-6 circuit of weights below 2^b (lib/lower_weights.hpp)");
  app.add_option("--emit-obligations", o.emit_dir,
                 "Write every SAT obligation as DIR/.../BASE.cnf with DIR/manifest.json, for "
                 "outside solvers (docs/obligations.md); no verdict until --collect DIR");
  app.add_option("--collect", o.collect_dir,
                 "Rerun the emitted run of DIR, each obligation answered by the solver's "
                 "BASE.out and BASE.drat there, every proof and model checked here");
  CLI::App* eval = app.add_subcommand(
      "eval", "Evaluate a component on given inputs: construction, spec and exact reference");
  eval->add_option("--component", o.component, "Component to evaluate")->required();
  for (const auto& [name, meaning] : meanings)
    o.eval_value_options[name] =
        eval->add_option("--" + name, o.values[name], meaning)->check(CLI::Range(1, 64));
  for (const auto& [name, meaning] : flag_meanings)
    o.eval_flag_options[name] = eval->add_flag("--" + name, o.flags[name], meaning);
  eval->add_option("--weights", o.weights_file, "JSON file of constant weights");
  eval->add_option("--mutant", o.mutant, "Evaluate a deliberately broken construction");
  eval->add_option("--inputs", o.eval_inputs,
                   "word=value ...: integers; floats as m,e (value m * 2^e) or an exact decimal")
      ->required();
  eval->add_flag("--json", o.json, "One JSON object on stdout");
  const std::vector<std::string> given = args;
  std::reverse(args.begin(), args.end());  // CLI11 takes a vector last argument first
  try {
    app.parse(args);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return 0;
  }
  {
    if (!o.collect_dir.empty()) {
      if (!collect_dir.empty()) throw UsageError("a manifest's arguments contain --collect");
      const bool json = o.json;
      for (const std::string& a : given)
        if (a.rfind("--", 0) == 0 && a != "--json" && a.rfind("--collect", 0) != 0)
          throw UsageError("--collect takes only --json; the run's options come from " +
                           o.collect_dir + "/manifest.json");
      return parse_and_run(read_obligation_manifest(o.collect_dir), o.collect_dir, json);
    }
    if (!collect_dir.empty()) {
      o.proof_dir = collect_dir;
      o.exchange = ObligationExchange::Collect;
      o.json = collect_json;
    }
    if (!o.emit_dir.empty()) prepare_emit(o);
    if (*eval) return run_eval_command(o);
    if (o.lower_weights &&
        (!o.export_aiger.empty() || !o.export_cnf.empty() || !o.export_opb.empty() ||
         !o.export_dot.empty() || !o.export_circuit.empty()))
      throw UsageError(
          "--lower-weights checks the lowered circuit; the exports write the "
          "construction as built: give one or the other");
    if (!o.list && !o.all && o.component.empty())
      throw UsageError("nothing to do: give --component NAME, --all or --list (see --help)");
    if (o.all && !o.component.empty())
      throw UsageError("give either --component or --all, not both");
    if (o.check_proofs && o.proof_dir.empty()) throw UsageError("--check-proofs needs --proof DIR");
    if (!o.proof_dir.empty()) {
      // Certificates come from SAT only: auto must not pick simulation and leave DIR empty.
      if (o.engine == "sim" || o.engine == "z3")
        throw UsageError("--proof writes SAT certificates; it needs --engine sat (or auto), not " +
                         o.engine);
      o.engine = "sat";
      std::error_code ec;
      std::filesystem::create_directories(o.proof_dir, ec);
      if (ec || !std::filesystem::is_directory(o.proof_dir))
        throw UsageError("cannot create the proof directory '" + o.proof_dir + "'" +
                         (ec ? ": " + ec.message() : ": a file of that name exists"));
    }
    set_threshold_method_for_auto(o.encoding == "bdd"         ? ThresholdMethod::Bdd
                                  : o.encoding == "adder"     ? ThresholdMethod::Adder
                                  : o.encoding == "totalizer" ? ThresholdMethod::Totalizer
                                                              : ThresholdMethod::Auto);
    o.memory_limit = set_memory_limit(o.memory_limit);
    memory_limit_in_force = o.memory_limit;
    const int code = run(o);
    if (o.exchange == ObligationExchange::Emit) {
      const size_t n = write_obligation_manifest(o.emit_dir, arguments_to_replay(given));
      std::fprintf(stderr,
                   "verify: emitted %zu obligations under %s (manifest %s/manifest.json); answer "
                   "each BASE.cnf with BASE.out and BASE.drat, then run verify --collect %s\n",
                   n, o.emit_dir.c_str(), o.emit_dir.c_str(), o.emit_dir.c_str());
    }
    return code;
  }
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return parse_and_run(std::vector<std::string>(argv + 1, argv + argc), "", false);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "verify: error: %s\n", e.what());
    return 2;
  } catch (...) {
    return report_error(memory_limit_in_force);
  }
}
