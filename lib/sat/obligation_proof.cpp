// Obligation certificates (see obligation_proof.hpp).
#include "lib/sat/obligation_proof.hpp"

#include <cctype>
#include <fstream>
#include <stdexcept>

#include "lib/cnf/dimacs.hpp"
#include "lib/proof/drup_check.hpp"

namespace tc {

std::string obligation_file_base(const std::string& proof_dir, const std::string& output) {
  std::string safe;
  for (char ch : output)
    safe += (std::isalnum(static_cast<unsigned char>(ch)) || ch == '-') ? ch : '_';
  return proof_dir + "/" + safe;
}

Cnf obligation_cnf(const Cnf& word, const std::vector<Lit>& proved, Lit differs) {
  Cnf cnf = word;
  for (Lit l : proved) cnf.add_clause({-l});
  cnf.add_clause({differs});
  return cnf;
}

void write_obligation_dimacs(const ObligationStats& ob, const Cnf& cnf, bool has_lemmas,
                             const std::vector<Lit>& input_lits) {
  std::ofstream out(ob.cnf_path);
  std::vector<std::string> header = {"miter obligation: output " + ob.output_word +
                                     " differs (UNSAT = equal on every valid input)"};
  if (has_lemmas)
    header.push_back("the last unit clauses are lower bits proved equal by earlier obligations");
  for (size_t i = 0; i < input_lits.size(); ++i)
    header.push_back("input bit " + std::to_string(i) + " = variable " +
                     std::to_string(input_lits[i]));
  cnf_write_dimacs(out, cnf, header);
}

void certify_obligation(ObligationStats& ob, const Cnf& cnf) {
  const DrupResult check = drup_check(cnf, ob.proof_path);
  ob.certified = check.verified;
  ob.certificate_message = check.message;
  if (!check.verified)
    throw std::runtime_error("proof of " + ob.output_word + " failed to certify: " + check.message);
}

}  // namespace tc
