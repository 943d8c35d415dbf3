// The per-bit obligations of a miter (see miter_obligations.hpp).
#include "lib/sat/miter_obligations.hpp"

#include <algorithm>
#include <atomic>
#include <cadical.hpp>
#include <exception>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "lib/sat/bit_solver.hpp"
#include "lib/sat/miter_case_split.hpp"
#include "lib/sat/miter_progress.hpp"
#include "lib/sat/miter_word_cnf.hpp"
#include "lib/sat/obligation_exchange.hpp"
#include "lib/sat/obligation_proof.hpp"
#include "lib/sat/solver_clauses.hpp"

namespace tc {

namespace {

void set_conflict_limit(CaDiCaL::Solver& solver, int limit) {
  if (limit >= 0) solver.limit("conflicts", limit);
}

// Without certificates one incremental solver serves the whole word: each bit is solved under an
// assumption, and a proved bit becomes a unit clause, so the clauses learned on the lower bits
// (the carries) keep working for the higher ones.
class IncrementalBitSolver : public BitSolver {
 public:
  IncrementalBitSolver(const Cnf& word, DeadlineTerminator& terminator, int conflict_limit)
      : conflict_limit_(conflict_limit) {
    solver_.set("quiet", 1);
    solver_.connect_terminator(&terminator);
    add_clauses(solver_, word.clauses);
  }
  ~IncrementalBitSolver() override { solver_.disconnect_terminator(); }
  void add_proved(Lit differs) override {
    solver_.add(-differs);
    solver_.add(0);
  }
  SatAnswer solve(Lit differs, ObligationStats&) override {
    solver_.assume(differs);
    set_conflict_limit(solver_, conflict_limit_);
    return sat_answer(solver_.solve());
  }
  bool model_value(Lit l) override { return solver_.val(l) > 0; }

 private:
  CaDiCaL::Solver solver_;
  int conflict_limit_;
};

// A certified run needs one CNF and one DRAT file per bit, hence a fresh solver for each.
class CertifiedBitSolver : public BitSolver {
 public:
  CertifiedBitSolver(const MiterWordCnf& word, DeadlineTerminator& terminator,
                     const MiterParams& params)
      : word_(word), terminator_(terminator), params_(params) {}
  void add_proved(Lit differs) override { proved_.push_back(differs); }
  SatAnswer solve(Lit differs, ObligationStats& ob) override {
    cnf_ = obligation_cnf(word_.cc.cnf, proved_, differs);
    solver_.reset();
    CaDiCaL::Solver& solver = solver_.emplace();
    solver.set("quiet", 1);  // CaDiCaL would announce proof files on stdout
    solver.connect_terminator(&terminator_);
    const std::string base = obligation_file_base(params_.proof_dir, ob.output_word);
    ob.cnf_path = base + ".cnf";
    ob.proof_path = base + ".drat";
    write_obligation_dimacs(ob, cnf_, !proved_.empty(), word_.input_lits);
    if (!solver.trace_proof(ob.proof_path.c_str()))
      throw std::runtime_error("cannot write proof file " + ob.proof_path);
    add_clauses(solver, cnf_.clauses);
    set_conflict_limit(solver, params_.conflict_limit);
    const int result = solver.solve();
    solver.disconnect_terminator();
    solver.close_proof_trace();
    return sat_answer(result);
  }
  void after_unsat(ObligationStats& ob) override {
    if (params_.check_proofs) certify_obligation(ob, cnf_);
  }
  bool model_value(Lit l) override { return solver_->val(l) > 0; }

 private:
  const MiterWordCnf& word_;
  DeadlineTerminator& terminator_;
  const MiterParams& params_;
  std::vector<Lit> proved_;
  Cnf cnf_;                                // the current obligation's formula
  std::optional<CaDiCaL::Solver> solver_;  // the current obligation's solver
};

// One obligation: "`differs` holds" is unsatisfiable, or `differs` is kFalse (nothing to prove).
struct Obligation {
  std::string name;
  Lit differs;
  bool trivial;
};

// A float word is one obligation, "some bit differs": the bits of a rounded result come from one
// normalization and rounding, and do not build on each other as the carries of an integer do
// (fadd p = 16: 76 s in one solve, 118 s bit by bit; p = 24: 425 s and 670 s; at p = 8 and 12
// the two are within 10%). Other words are proved a bit at a time, least significant first
// (fsum's 260-bit exact sum at p = 8: 2.3 s bit by bit, 17.8 s in one solve). Certified and
// emitted runs keep one obligation per bit, whatever the word.
// A word proved case by case (by_cases) keeps one obligation per bit in each case: fadd p = 12
// in 22 s, 36 s with the whole word in each case.
std::vector<Obligation> word_obligations(const MiterWord& word, MiterWordCnf& wc,
                                         const MiterParams& params, bool by_cases) {
  std::vector<Obligation> obligations;
  const bool whole = word.decoding.kind == Decoding::Kind::Float && word.diff.size() > 1 &&
                     params.proof_dir.empty() && params.exchange == ObligationExchange::None &&
                     !by_cases;
  Clause any_bit;  // -any, then every bit that may differ
  if (whole) any_bit.push_back(-wc.cc.cnf.new_var());
  for (size_t k = 0; k < word.diff.size(); ++k) {
    const bool trivial = word.diff[k] == kFalse;  // both sides built the same gate
    if (whole && !trivial) any_bit.push_back(wc.diff_lits[k]);
    if (!whole || trivial)
      obligations.push_back(
          {word.diff.size() == 1 ? word.name : word.name + "[" + std::to_string(k) + "]",
           wc.diff_lits[k], trivial});
  }
  if (any_bit.size() > 1) {
    wc.cc.cnf.add_clause(any_bit);
    obligations.push_back({word.name, -any_bit[0], false});
  }
  return obligations;
}

// A case split (lib/sat/miter_case_split.hpp) is used where an obligation is one solve call on
// this process's solver: not with proof files (one DRAT proof per obligation), not for outside
// solvers, and not under a conflict budget, which is per obligation (SAT first,
// lib/equivalence.hpp) and would be per case.
bool proving_by_cases(const Miter& miter, const MiterParams& params) {
  return params.case_splits && !miter.case_splits.empty() && params.proof_dir.empty() &&
         params.exchange == ObligationExchange::None && params.conflict_limit < 0;
}

// One word's obligations (word_obligations), in order. `abandon`, if set, says the word's answer
// is no longer needed (words solved side by side): the run then ends as unknown.
std::optional<bool> prove_word(const Miter& miter, const MiterWord& word, const MiterParams& params,
                               SatDeadline deadline, ObligationProgress& progress, MiterStats& st,
                               const std::function<bool()>& abandon = nullptr) {
  MiterWordCnf wc = encode_miter_word(miter.circuit, word);
  const bool by_cases = proving_by_cases(miter, params);
  const std::vector<Obligation> obligations = word_obligations(word, wc, params, by_cases);
  DeadlineTerminator terminator(
      deadline, [&progress] { progress.still_solving(); }, abandon);
  if (by_cases) {
    std::vector<BitObligation> bits;
    for (const Obligation& o : obligations)
      if (!o.trivial) bits.push_back({o.name, o.differs});
    if (bits.empty()) return true;
    Bits split;
    std::string names;
    for (const Word& w : miter.case_splits) {
      split.insert(split.end(), w.bits.begin(), w.bits.end());
      names += (names.empty() ? "" : ", ") + w.name;
    }
    const std::vector<Lit> case_lits = cnf_encode_cone(wc.cc, miter.circuit, split);
    CaseCount count;
    const std::optional<bool> verdict = prove_word_by_cases(wc, case_lits, bits, miter.primary_bits,
                                                            terminator, progress, st, count);
    const int cases = 1 << split.size();
    st.case_split = names + " (" + std::to_string(split.size()) + " bits)";
    st.case_split_words.push_back(
        word.name + " " + (count.tried == cases ? "" : std::to_string(count.tried) + " tried, ") +
        std::to_string(count.reached) + " of " + std::to_string(cases) + " cases reached");
    if (verdict == false) st.differing_word = word.name;
    return verdict;
  }
  std::unique_ptr<BitSolver> solver;
  if (params.exchange != ObligationExchange::None)
    solver = make_exchange_bit_solver(params, wc);
  else if (params.proof_dir.empty())
    solver = std::make_unique<IncrementalBitSolver>(wc.cc.cnf, terminator, params.conflict_limit);
  else
    solver = std::make_unique<CertifiedBitSolver>(wc, terminator, params);
  size_t proved = 0;
  for (const Obligation& o : obligations) {
    if (o.trivial) {
      solver->add_proved(o.differs);
      ++proved;
      continue;
    }
    if (abandon && abandon()) return std::nullopt;
    ObligationStats ob;
    ob.output_word = o.name;
    const auto ob_start = SatClock::now();
    progress.start(ob.output_word);
    ob.variables = wc.cc.cnf.num_vars;
    ob.clauses = wc.cc.cnf.clauses.size() + proved + 1;
    ob.result = solver->solve(o.differs, ob);
    ob.seconds = seconds_since(ob_start);
    if (ob.result == SatAnswer::Sat) {
      Assignment cex;
      for (size_t i = 0; i < miter.primary_bits; ++i)
        cex.push_back(solver->model_value(wc.input_lits[i]));
      st.counterexample = cex;
      st.differing_word = word.name;
    } else if (ob.result == SatAnswer::Unsat) {
      solver->after_unsat(ob);
    }
    // Proved, or emitted (answered elsewhere; --collect checks the answer): the later bits assume
    // it.
    if (ob.result == SatAnswer::Unsat || ob.emitted) {
      solver->add_proved(o.differs);
      ++proved;
    }
    progress.answered(ob);
    st.obligations.push_back(ob);
    if (ob.result == SatAnswer::Sat) return false;
    if (ob.result == SatAnswer::Unknown && !ob.emitted) return std::nullopt;
  }
  return true;
}

// The words on `params.jobs` threads, each word on a solver of its own (CaDiCaL instances share
// nothing; the miter circuit is only read). The results are merged in word order and cut at the
// first word not proved equal, so that statistics, counterexample and verdict are those of the
// one-thread run; a word after an unequal one is abandoned as soon as that is known.
std::optional<bool> solve_words_side_by_side(const Miter& miter, const MiterParams& params,
                                             SatDeadline deadline, MiterStats& st) {
  const size_t n = miter.words.size();
  std::vector<MiterStats> per_word(n);
  std::vector<std::optional<bool>> verdicts(n, true);
  std::vector<std::exception_ptr> errors(n);
  std::atomic<size_t> next{0}, first_unequal{n};
  std::mutex say_mutex;  // one progress line at a time
  MiterParams p = params;
  if (params.progress)
    p.progress = [&say_mutex, &params](const std::string& msg) {
      std::lock_guard<std::mutex> lock(say_mutex);
      params.progress(msg);
    };
  auto ended_unequal = [&first_unequal](size_t w) {
    size_t seen = first_unequal.load();
    while (w < seen && !first_unequal.compare_exchange_weak(seen, w)) {
    }
  };
  auto work = [&] {
    for (size_t w; (w = next++) < n;) {
      if (first_unequal.load() < w) continue;  // not needed: an earlier word decides
      try {
        ObligationProgress progress(p.progress);
        verdicts[w] = prove_word(miter, miter.words[w], p, deadline, progress, per_word[w],
                                 [&first_unequal, w] { return first_unequal.load() < w; });
      } catch (...) {
        errors[w] = std::current_exception();
      }
      if (verdicts[w] != true || errors[w]) ended_unequal(w);
    }
  };
  std::vector<std::thread> threads;
  const size_t count = std::min(n, static_cast<size_t>(params.jobs));
  for (size_t t = 0; t < count; ++t) threads.emplace_back(work);
  for (std::thread& t : threads) t.join();
  for (size_t w = 0; w < n; ++w) {
    if (errors[w]) std::rethrow_exception(errors[w]);
    st.obligations.insert(st.obligations.end(), per_word[w].obligations.begin(),
                          per_word[w].obligations.end());
    if (!per_word[w].case_split.empty()) st.case_split = per_word[w].case_split;
    st.case_split_words.insert(st.case_split_words.end(), per_word[w].case_split_words.begin(),
                               per_word[w].case_split_words.end());
    if (verdicts[w] != true) {
      st.counterexample = per_word[w].counterexample;
      st.differing_word = per_word[w].differing_word;
      return verdicts[w];
    }
  }
  return true;
}

}  // namespace

std::optional<bool> solve_miter_outputs(const Miter& miter, const MiterParams& params,
                                        SatDeadline deadline, MiterStats& st) {
  if (!params.proof_dir.empty()) std::filesystem::create_directories(params.proof_dir);
  if (params.jobs > 1 && miter.words.size() > 1)
    return solve_words_side_by_side(miter, params, deadline, st);
  ObligationProgress progress(params.progress);
  for (const MiterWord& word : miter.words) {
    const std::optional<bool> verdict = prove_word(miter, word, params, deadline, progress, st);
    if (verdict != true) return verdict;  // a counterexample or an exhausted budget ends the run
  }
  return true;
}

}  // namespace tc
