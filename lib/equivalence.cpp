// Engine choice and counterexample replay (see equivalence.hpp).
#include "lib/equivalence.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "lib/sat/compositional.hpp"
#include "lib/sat/cut_points.hpp"
#include "lib/smt/z3_equivalence.hpp"

namespace tc {

const char* engine_name(Engine e) {
  switch (e) {
    case Engine::Auto:
      return "auto";
    case Engine::Sat:
      return "sat";
    case Engine::Sim:
      return "sim";
    case Engine::Z3:
      return "z3";
  }
  return "?";
}

const char* verdict_name(Verdict v) {
  switch (v) {
    case Verdict::Proved:
      return "proved";
    case Verdict::Counterexample:
      return "counterexample";
    case Verdict::Unknown:
      return "unknown";
    case Verdict::Emitted:
      return "emitted";
  }
  return "?";
}

Counterexample replay_counterexample(const Circuit& construction, const Circuit& spec,
                                     const Assignment& input) {
  if (!satisfies_constraints(construction, input) || !satisfies_constraints(spec, input))
    throw ReplayError("counterexample violates the input constraints on replay");
  Counterexample cex;
  cex.input = input;
  cex.construction_outputs = simulate_outputs(construction, input);
  cex.spec_outputs = simulate_outputs(spec, input);
  for (size_t w = 0; w < spec.output_words().size(); ++w)
    if (cex.construction_outputs[w] != cex.spec_outputs[w])
      cex.differing_words.push_back(spec.output_words()[w].name);
  if (cex.differing_words.empty())
    throw ReplayError("counterexample does not replay: both circuits agree on it in simulation");
  return cex;
}

namespace {

size_t wire_count(const Circuit& c) {
  size_t wires = 0;
  for (uint32_t n = 1; n < c.num_nodes(); ++n) wires += c.node(n).fanins.size();
  return wires;
}

// The wire evaluations of enumerating the costliest block of `c` on its own, as the compositional
// engine's block proofs would: the inputs are the block's distinct non-constant cut inputs, the
// wires those of its extracted cone. A block too wide to enumerate goes to SAT, whose cost this
// cannot tell (quick on an adder, hopeless on exp's wide gates); it counts as 2^max_bits.
double costliest_block_enumeration(const Circuit& c, int max_bits) {
  double worst = 0;
  for (const auto& cut : c.cuts()) {
    if (!cut.block) continue;
    std::vector<uint32_t> nodes;
    for (Signal s : cut.inputs)
      if (s.node() != 0) nodes.push_back(s.node());
    std::sort(nodes.begin(), nodes.end());
    const int bits = static_cast<int>(std::unique(nodes.begin(), nodes.end()) - nodes.begin());
    if (auto block = extract_cut_block(c, cut))
      worst = std::max(
          worst, std::ldexp(static_cast<double>(wire_count(*block)), std::min(bits, max_bits)));
  }
  return worst;
}

}  // namespace

EquivalenceResult check_equivalence(const Circuit& construction, const Circuit& spec,
                                    const EquivalenceParams& params) {
  check_same_interface(construction, spec);
  const auto start = std::chrono::steady_clock::now();
  const auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  EquivalenceResult r;
  r.engine = params.engine;
  const int bits = static_cast<int>(used_input_positions(construction, spec).size());
  if (r.engine == Engine::Auto) {
    r.engine = bits <= params.max_sim_input_bits ? Engine::Sim : Engine::Sat;
    // A composition of blocks too large to enumerate quickly goes to SAT, which proves it block
    // by block, unless a block alone would cost more to enumerate than the whole circuit: the
    // selective SSM at p = 4 (2^18 valid inputs, 1.6 million wires, small blocks) proves in
    // 6 s by blocks against 58 s of enumeration, silu at p = 8 (2^18 inputs, its exp block 2^21
    // inputs) in 6 s of enumeration against 35 s by blocks.
    if (r.engine == Engine::Sim && has_block_cuts(construction) && has_block_cuts(spec)) {
      const double whole =
          std::ldexp(static_cast<double>(wire_count(construction) + wire_count(spec)), bits);
      if (whole > params.max_sim_wire_evaluations &&
          costliest_block_enumeration(construction, params.max_sim_input_bits) +
                  costliest_block_enumeration(spec, params.max_sim_input_bits) <
              whole)
        r.engine = Engine::Sat;
    }
  }
  std::optional<Assignment> candidate;
  const auto simulate = [&](double timeout_seconds) {
    CompareParams cp;
    if (params.miter.progress)
      cp.progress = [&](double f) {
        params.miter.progress("simulated " + std::to_string(static_cast<int>(f * 100)) + "%");
      };
    cp.timeout_seconds = timeout_seconds;
    cp.threads = params.miter.jobs;
    CompareResult cr = compare_by_simulation(construction, spec, cp);
    r.simulated_points = cr.valid_points;
    candidate = cr.difference;
    // Stopped by the timeout before every input was seen: no verdict.
    r.verdict = candidate     ? Verdict::Counterexample
                : cr.complete ? Verdict::Proved
                              : Verdict::Unknown;
  };
  if (r.engine == Engine::Sim) {
    simulate(params.miter.timeout_seconds);
  } else if (r.engine == Engine::Z3) {
    std::optional<bool> eq =
        check_equivalence_z3(construction, spec, params.miter.timeout_seconds, &candidate);
    r.verdict = !eq ? Verdict::Unknown : (*eq ? Verdict::Proved : Verdict::Counterexample);
  } else {
    MiterParams mp = params.miter;
    // Auto past the simulation bound but within the fallback's: SAT first, on a budget. Not for
    // a composition of blocks, which SAT proves block by block (each block with the fallback of
    // its own), while enumerating the whole would cost far more: mamba at p = 6 has 26 input bits
    // and 16 million wires.
    const bool fallback =
        params.engine == Engine::Auto && bits <= params.max_fallback_sim_input_bits &&
        std::ldexp(static_cast<double>(wire_count(construction) + wire_count(spec)), bits) <=
            params.max_fallback_wire_evaluations &&
        mp.proof_dir.empty() && mp.exchange == ObligationExchange::None && mp.conflict_limit < 0 &&
        !(has_block_cuts(construction) && has_block_cuts(spec));
    const double timeout = params.miter.timeout_seconds;
    if (fallback) {
      mp.conflict_limit = params.fallback_conflict_limit;
      mp.timeout_seconds = timeout > 0 ? std::min(timeout, params.fallback_sat_seconds)
                                       : params.fallback_sat_seconds;
    }
    // Cut blocks are proved like any pair of circuits (simulation when small); with proof
    // logging on, by SAT so that every step of the verdict has a checkable certificate.
    mp.prove_cut_block = [&](const std::string& label, const Circuit& a,
                             const Circuit& b) -> std::optional<std::string> {
      EquivalenceParams bp = params;
      bp.miter.prove_cut_block = nullptr;
      if (!params.miter.proof_dir.empty()) {
        bp.engine = Engine::Sat;
        bp.miter.proof_dir = params.miter.proof_dir + "/cut-" + label;
      } else {
        bp.engine = Engine::Auto;
      }
      EquivalenceResult br = check_equivalence(a, b, bp);
      if (br.verdict == Verdict::Emitted)  // --collect checks it; the rest of the run assumes it
        return "SAT, obligations emitted (" + std::to_string(br.sat.obligations.size()) + ")";
      if (br.verdict != Verdict::Proved) return std::nullopt;
      if (br.engine == Engine::Sim)
        return "exhaustive simulation of " + std::to_string(br.simulated_points) + " inputs" +
               (br.sat_first.empty() ? "" : " (" + br.sat_first + ")");
      return "SAT (" + std::to_string(br.sat.obligations.size()) + " obligations)";
    };
    std::optional<bool> eq = check_equivalence_sat(construction, spec, mp, &r.sat);
    candidate = r.sat.counterexample;
    r.verdict = !eq ? Verdict::Unknown : (*eq ? Verdict::Proved : Verdict::Counterexample);
    if (r.verdict == Verdict::Proved && mp.exchange == ObligationExchange::Emit)
      r.verdict = Verdict::Emitted;  // every obligation was written, none answered
    if (fallback && r.verdict == Verdict::Unknown && (timeout <= 0 || elapsed() < timeout)) {
      r.sat_first = fmt::format(
          "SAT first: no verdict within {} conflicts per obligation and {:g} s, stopped at {:.1f} "
          "s",
          params.fallback_conflict_limit, params.fallback_sat_seconds, elapsed());
      r.sat = MiterStats{};
      r.engine = Engine::Sim;
      simulate(timeout <= 0 ? 0 : std::max(timeout - elapsed(), 1e-3));
    }
  }
  if (r.verdict == Verdict::Counterexample)
    r.counterexample = replay_counterexample(construction, spec, *candidate);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return r;
}

}  // namespace tc
