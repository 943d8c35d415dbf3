// Obligations answered by outside solvers (see obligation_exchange.hpp).
#include "lib/sat/obligation_exchange.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "lib/proof/drup_check.hpp"
#include "lib/sat/obligation_proof.hpp"

namespace tc {

namespace {

// What both directions share: the word, the lower bits proved so far, and the obligation's files.
class ExchangeBitSolver : public BitSolver {
 public:
  ExchangeBitSolver(const MiterParams& params, const MiterWordCnf& word)
      : params_(params), word_(word) {}
  void add_proved(Lit differs) override { proved_.push_back(differs); }

 protected:
  // The obligation's formula, with ob's file names set (BASE.cnf, BASE.drat); returns BASE.
  Cnf obligation(Lit differs, ObligationStats& ob, std::string& base) const {
    base = obligation_file_base(params_.proof_dir, ob.output_word);
    ob.cnf_path = base + ".cnf";
    ob.proof_path = base + ".drat";
    return obligation_cnf(word_.cc.cnf, proved_, differs);
  }
  const MiterParams& params_;
  const MiterWordCnf& word_;
  std::vector<Lit> proved_;
};

// Writes every obligation and leaves it unanswered (ob.emitted).
class EmittingBitSolver : public ExchangeBitSolver {
 public:
  using ExchangeBitSolver::ExchangeBitSolver;
  SatAnswer solve(Lit differs, ObligationStats& ob) override {
    std::string base;
    write_obligation_dimacs(ob, obligation(differs, ob, base), !proved_.empty(), word_.input_lits);
    ob.emitted = true;
    return SatAnswer::Unknown;
  }
  bool model_value(Lit) override { return false; }  // never asked: no answer is Sat
};

// A worker's answer: its "s" line, and the model of its "v" lines (index = variable).
struct WorkerAnswer {
  std::string status;       // "UNSATISFIABLE", "SATISFIABLE", or empty
  std::vector<int> values;  // values[v]: +1 true, -1 false, 0 not given
};

bool read_worker_answer(const std::string& path, WorkerAnswer& a) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("s ", 0) == 0) {
      std::istringstream words(line.substr(2));
      words >> a.status;
    } else if (line.rfind("v ", 0) == 0) {
      std::istringstream lits(line.substr(2));
      long lit;
      while (lits >> lit && lit != 0) {
        const size_t var = static_cast<size_t>(std::labs(lit));
        if (var > (1u << 30)) continue;  // not a variable of ours; the model check will fail
        if (a.values.size() <= var) a.values.resize(var + 1, 0);
        a.values[var] = lit > 0 ? 1 : -1;
      }
    }
  }
  return true;
}

bool model_satisfies(const Cnf& cnf, const std::vector<int>& values) {
  for (const Clause& c : cnf.clauses) {
    bool sat = false;
    for (Lit l : c) {
      const size_t var = static_cast<size_t>(std::abs(l));
      const int v = var < values.size() ? values[var] : 0;
      sat = sat || (l > 0 ? v > 0 : v < 0);
    }
    if (!sat) return false;
  }
  return true;
}

// Reads each worker's answer and accepts it only when it checks against the rebuilt formula.
class CollectingBitSolver : public ExchangeBitSolver {
 public:
  using ExchangeBitSolver::ExchangeBitSolver;
  SatAnswer solve(Lit differs, ObligationStats& ob) override {
    std::string base;
    const Cnf cnf = obligation(differs, ob, base);
    const std::string out_path = base + ".out";
    WorkerAnswer answer;
    if (!read_worker_answer(out_path, answer)) {
      ob.certificate_message = "no answer: " + out_path + " is missing";
      return SatAnswer::Unknown;
    }
    if (answer.status == "UNSATISFIABLE") {
      const DrupResult check = drup_check(cnf, ob.proof_path);
      ob.certified = check.verified;
      ob.certificate_message = check.message;
      if (!check.verified) {
        ob.certificate_message =
            "UNSAT claimed but " + ob.proof_path + " does not certify: " + check.message;
        return SatAnswer::Unknown;
      }
      return SatAnswer::Unsat;
    }
    if (answer.status == "SATISFIABLE") {
      if (!model_satisfies(cnf, answer.values)) {
        ob.certificate_message =
            "SAT claimed but the model in " + out_path + " does not satisfy the obligation";
        return SatAnswer::Unknown;
      }
      model_ = std::move(answer.values);
      return SatAnswer::Sat;
    }
    ob.certificate_message = "no \"s SATISFIABLE\" or \"s UNSATISFIABLE\" line in " + out_path;
    return SatAnswer::Unknown;
  }
  bool model_value(Lit l) override {
    const size_t var = static_cast<size_t>(std::abs(l));
    const int v = var < model_.size() ? model_[var] : 0;
    return l > 0 ? v > 0 : v < 0;
  }

 private:
  std::vector<int> model_;
};

}  // namespace

std::unique_ptr<BitSolver> make_exchange_bit_solver(const MiterParams& params,
                                                    const MiterWordCnf& word) {
  if (params.exchange == ObligationExchange::Emit)
    return std::make_unique<EmittingBitSolver>(params, word);
  return std::make_unique<CollectingBitSolver>(params, word);
}

}  // namespace tc
