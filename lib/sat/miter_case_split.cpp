// A miter word proved case by case (see miter_case_split.hpp).
#include "lib/sat/miter_case_split.hpp"

#include <cadical.hpp>
#include <cstdint>

#include "lib/sat/solver_clauses.hpp"

namespace tc {

std::optional<bool> prove_word_by_cases(const MiterWordCnf& wc, const std::vector<Lit>& case_lits,
                                        const std::vector<BitObligation>& bits, size_t primary_bits,
                                        DeadlineTerminator& terminator,
                                        ObligationProgress& progress, MiterStats& st,
                                        CaseCount& count) {
  CaDiCaL::Solver solver;
  solver.set("quiet", 1);
  solver.connect_terminator(&terminator);
  add_clauses(solver, wc.cc.cnf.clauses);
  const uint64_t cases = uint64_t{1} << case_lits.size();
  std::vector<ObligationStats> per_bit(bits.size());
  for (size_t b = 0; b < bits.size(); ++b) {
    per_bit[b].output_word = bits[b].name;
    per_bit[b].variables = wc.cc.cnf.num_vars;
    per_bit[b].clauses = wc.cc.cnf.clauses.size() + 1;
    per_bit[b].cases = static_cast<int>(cases);
    per_bit[b].result = SatAnswer::Unsat;
  }
  count = {};
  auto finish = [&](std::optional<bool> verdict, size_t answered) {
    solver.disconnect_terminator();
    for (size_t b = 0; b < answered; ++b) st.obligations.push_back(per_bit[b]);
    return verdict;
  };
  for (uint64_t step = 0; step < cases; ++step) {
    const uint64_t value = cases - 1 - step;
    Clause in_case;  // the case's literals, negated: "not this case"
    for (size_t i = 0; i < case_lits.size(); ++i)
      in_case.push_back((value >> i) & 1 ? -case_lits[i] : case_lits[i]);
    progress.start(bits.front().name + " (case " + std::to_string(value) + ")");
    ++count.tried;
    for (size_t b = 0; b < bits.size(); ++b) {
      const auto start = SatClock::now();
      for (Lit l : in_case) solver.assume(-l);
      solver.assume(bits[b].differs);
      const SatAnswer answer = sat_answer(solver.solve());
      per_bit[b].seconds += seconds_since(start);
      if (answer == SatAnswer::Sat) {
        Assignment cex;
        for (size_t i = 0; i < primary_bits; ++i) cex.push_back(solver.val(wc.input_lits[i]) > 0);
        st.counterexample = cex;
        per_bit[b].result = SatAnswer::Sat;
        progress.answered(per_bit[b]);
        return finish(false, b + 1);
      }
      if (answer == SatAnswer::Unknown) {
        per_bit[b].result = SatAnswer::Unknown;
        return finish(std::nullopt, b + 1);
      }
      if (b == 0) {
        if (!solver.failed(bits[b].differs)) break;  // no input reaches the case
        ++count.reached;
      }
      Clause equal_here = in_case;
      equal_here.push_back(-bits[b].differs);
      add_clauses(solver, {equal_here});
    }
  }
  for (const ObligationStats& ob : per_bit) progress.answered(ob);
  return finish(true, bits.size());
}

}  // namespace tc
