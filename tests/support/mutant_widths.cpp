// Mutants at every width of a component's tested range (see mutant_widths.hpp).
#include "tests/support/mutant_widths.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>

#include "lib/equivalence.hpp"
#include "lib/simulate.hpp"
#include "tests/support/mutant_check.hpp"
#include "tests/support/replay.hpp"

namespace tc::test {

namespace {

const EqualAtWidth* listed(const MutantWidths& widths, const std::string& mutant, int p) {
  for (const EqualAtWidth& e : widths.equal)
    if (e.mutant == mutant && e.p == p) return &e;
  return nullptr;
}

}  // namespace

void check_mutants_at_every_width(const MutantWidths& widths) {
  const Component& c = registered(widths.component);
  REQUIRE(c.p_spec().min <= widths.p_min);
  REQUIRE(widths.p_min <= widths.p_max);
  REQUIRE(widths.p_max <= c.p_spec().max);
  for (const EqualAtWidth& e : widths.equal) {
    INFO(c.name << " exception " << e.mutant << " at p = " << e.p);
    CHECK(std::any_of(c.mutants.begin(), c.mutants.end(),
                      [&](const Mutant& m) { return m.name == e.mutant && !m.lemma_only; }));
    CHECK((widths.p_min <= e.p && e.p <= widths.p_max));
    CHECK_FALSE(e.reason.empty());
  }
  for (int p = widths.p_min; p <= widths.p_max; ++p) {
    for (const Mutant& m : c.mutants) {
      if (m.lemma_only) continue;
      Params params = c.defaults();
      apply_options(c, params, m.shows_with);
      params.p = p;
      params.mutant = m.name;
      const Circuit construction = c.construction(params);
      const Circuit spec = c.spec(params);
      // The engine verify chooses (auto).
      const EquivalenceResult r = check_equivalence(construction, spec, {});
      const EqualAtWidth* exception = listed(widths, m.name, p);
      INFO(c.name << " mutant " << m.name << " " << m.shows_with << " at p = " << p << " by "
                  << engine_name(r.engine)
                  << (exception ? " (listed as equal: " + exception->reason + ")" : ""));
      if (exception) {
        CHECK(r.verdict == Verdict::Proved);
        continue;
      }
      CHECK(r.verdict == Verdict::Counterexample);
      if (!r.counterexample) continue;
      // Simulated again here: a valid input on both sides where some output word differs.
      const Assignment& input = r.counterexample->input;
      CHECK(satisfies_constraints(construction, input));
      CHECK(satisfies_constraints(spec, input));
      CHECK(simulate_outputs(construction, input) != simulate_outputs(spec, input));
    }
  }
}

}  // namespace tc::test
