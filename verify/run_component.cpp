// Verifying one component (see run_component.hpp).
#include "verify/run_component.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <new>
#include <optional>
#include <stdexcept>

#include "lib/decode.hpp"
#include "lib/float_word.hpp"
#include "lib/lower_weights.hpp"
#include "verify/user_circuit.hpp"

namespace tc {

void validate_params(const Component& c, const Params& params, bool stats_only) {
  for (const ParamSpec& ps : c.params) {
    const int value = ps.name == "e" ? params.exponent_bits() : *params.field(ps.name);
    // Sizes alone reach every p and exponent width the circuits can be built at; the ranges
    // bound what proves in minutes and what the exact evaluators hold.
    const int max = ps.name == "p"                 ? c.p_max(params, stats_only)
                    : ps.name == "e" && stats_only ? std::max(ps.max, kFloatMaxExponentBits)
                                                   : ps.max;
    if (value < ps.min || value > max) {
      std::string widened;  // why sizes stop there; where a flag or sizes alone would allow more
      Params unflagged = params;
      unflagged.flags.clear();
      if (ps.name == "p" && stats_only && !c.stats_limit.empty() &&
          max == c.p_max(unflagged, /*stats_only=*/true))
        widened += ": " + c.stats_limit;
      for (const FlagSpec& f : c.flags)
        if (const int reach = stats_only ? std::max(f.p_max, f.stats_p_max) : f.p_max;
            ps.name == "p" && reach > max)
          widened += fmt::format("; with --{}: up to {}", f.name, reach);
      const int sizes_max = c.p_max(params, /*stats_only=*/true);
      if (ps.name == "p" && sizes_max > max)
        widened += fmt::format("; with --stats-only: up to {}", sizes_max);
      throw UsageError(fmt::format("{} = {} is out of range for {} (allowed {}..{}{})", ps.name,
                                   value, c.name, ps.min, max, widened));
    }
  }
  if (params.e != 0 && !c.takes("e"))
    throw UsageError(fmt::format("{} takes no exponent width (--e)", c.name));
  if (!params.mutant.empty()) {
    bool known = false;
    for (const auto& m : c.mutants) known = known || m.name == params.mutant;
    if (!known)
      throw UsageError(
          fmt::format("unknown mutant '{}' for {} (see --list-mutants)", params.mutant, c.name));
  }
}

Circuit build_side(const CircuitBuilder& builder, const Params& params) {
  try {
    Circuit c = builder(params);
#ifndef NDEBUG
    c.verify();  // the IR's invariants, in debug builds (the tests check every component)
#endif
    return c;
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  } catch (const std::overflow_error& e) {  // a gate past the IR's weight bound: a size limit
    const std::string format = params.e > 0 ? fmt::format("p = {}, e = {}", params.p, params.e)
                                            : fmt::format("p = {}", params.p);
    throw UsageError(
        fmt::format("cannot be built at {}: {} (the IR's weight bound)", format, e.what()));
  }
}

Sides build_sides(const Component& c, const Params& params, bool stats_only) {
  validate_params(c, params, stats_only);
  Params circuit_params = params;
  for (const auto& m : c.mutants)
    if (m.name == params.mutant && m.lemma_only) circuit_params.mutant.clear();
  Circuit construction = build_side(c.construction, circuit_params);
  const ParamSpec* e = c.param("e");
  const int p_max = c.p_max(params), e_max = e ? e->max : 0;
  if (stats_only && (params.p > p_max || (e && params.exponent_bits() > e_max)))
    return Sides{std::move(construction), Circuit("spec"),
                 fmt::format("past the proof range (p <= {}{}), sizes of the construction only",
                             p_max, e ? fmt::format(", e <= {}", e_max) : "")};
  // Sizes are the construction's: with --stats-only a spec that outgrows the memory limit (an
  // exponential reference, e.g. matmul's aligned sums at E = p + 1) leaves them measurable.
  try {
    Circuit spec = build_side(c.spec, circuit_params);  // before the construction moves
    return Sides{std::move(construction), std::move(spec), ""};
  } catch (const std::bad_alloc&) {
    if (!stats_only) throw;
    return Sides{std::move(construction), Circuit("spec"),
                 "it outgrew the memory limit (--memory-limit), sizes of the construction only"};
  }
}

Report run_component(const Component& c, const Params& params, bool stats_only,
                     const EquivalenceParams& eq, const std::string& circuit_file,
                     bool lower_weights, const Sides* built) {
  validate_params(c, params, stats_only);
  Report r;
  r.component = &c;
  r.params = params;
  r.stats_only = stats_only;
  if (!circuit_file.empty() && !params.mutant.empty())
    throw UsageError(
        "--mutant breaks the built-in construction; with --circuit, break your file instead");
  std::optional<Sides> own;
  if (!built) own = build_sides(c, params, stats_only);
  const Sides& sides = built ? *built : *own;
  const Circuit& builtin = sides.construction;
  const Circuit& spec = sides.spec;
  if (!builtin.is_threshold_only())
    throw std::logic_error("construction of " + c.name + " uses non-threshold gates");
  std::optional<UserCircuit> user;
  if (!sides.spec_not_built.empty() && !circuit_file.empty())
    throw UsageError("--circuit needs the spec (its interface), not built here: " +
                     sides.spec_not_built);
  if (!circuit_file.empty()) {
    user = load_user_circuit(circuit_file, spec);
    r.circuit_file = circuit_file;
    r.ignored_constraints = user->ignored_constraints;
    r.builtin = analyze(builtin);
  }
  std::optional<Circuit> lowered;
  if (lower_weights) {
    const Circuit& original = user ? user->circuit : builtin;
    WeightLowering counts;
    try {
      lowered = tc::lower_weights(original, &counts);
    } catch (const std::length_error& e) {
      throw UsageError(std::string("--lower-weights: ") + e.what());
    }
    r.lowering = LoweringReport{counts, analyze(original)};
  }
  const Circuit& construction = lowered ? *lowered : user ? user->circuit : builtin;
  r.construction = analyze(construction);
  if (sides.spec_not_built.empty())
    r.spec = analyze(spec);
  else
    r.spec_not_built = sides.spec_not_built;
  if (stats_only) return r;
  if (eq.engine == Engine::Sim && spec.num_input_bits() > 32)
    throw UsageError(fmt::format("--engine sim would enumerate 2^{} inputs; use sat or auto",
                                 spec.num_input_bits()));
  r.equivalence = check_equivalence(construction, spec, eq);
  if (c.lemmas) r.lemmas = c.lemmas(params);
  if (const auto& cex = r.equivalence->counterexample) {
    for (const Word& w : spec.input_words())
      r.cex_inputs.push_back({w.name, format_word(w.decoding, word_bits(spec, w, cex->input))});
    for (size_t i = 0; i < spec.output_words().size(); ++i) {
      const Word& w = spec.output_words()[i];
      r.cex_outputs.push_back({w.name, format_word(w.decoding, cex->spec_outputs[i]),
                               format_word(w.decoding, cex->construction_outputs[i]),
                               cex->spec_outputs[i] != cex->construction_outputs[i]});
    }
  }
  return r;
}

}  // namespace tc
