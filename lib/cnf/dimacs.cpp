// DIMACS CNF input and output (see dimacs.hpp).  The reader is strict: a
// formula that does not match its header is rejected rather than guessed
// at, since a silently dropped clause would turn UNSAT into SAT.
#include "lib/cnf/dimacs.hpp"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <sstream>
#include <stdexcept>

namespace tc {

void cnf_write_dimacs(std::ostream& out, const Cnf& cnf,
                      const std::vector<std::string>& comment_lines) {
  for (const std::string& line : comment_lines) out << "c " << line << '\n';
  out << "p cnf " << cnf.num_vars << ' ' << cnf.clauses.size() << '\n';
  for (const Clause& c : cnf.clauses) {
    for (Lit l : c) out << l << ' ';
    out << "0\n";
  }
}

namespace {

[[noreturn]] void dimacs_error(size_t line_no, const std::string& what) {
  throw std::runtime_error("dimacs line " + std::to_string(line_no) + ": " + what);
}

// Parses a whole token as a decimal long; false if it is not one.
bool dimacs_parse_long(const std::string& token, long& out) {
  if (token.empty()) return false;
  errno = 0;
  char* end = nullptr;
  out = std::strtol(token.c_str(), &end, 10);
  return errno == 0 && end == token.c_str() + token.size();
}

}  // namespace

Cnf cnf_read_dimacs(std::istream& in) {
  Cnf cnf;
  bool have_header = false;
  long declared_clauses = 0;
  Clause current;
  size_t line_no = 0, last_line = 0;
  std::string line;
  while (std::getline(in, line)) {
    ++line_no;
    std::istringstream tokens(line);
    std::string token;
    if (!(tokens >> token)) continue;  // blank line
    if (token[0] == 'c') continue;     // comment
    if (token == "p") {
      if (have_header) dimacs_error(line_no, "second 'p' header");
      std::string format, extra;
      long vars = 0;
      std::string vars_token, clauses_token;
      if (!(tokens >> format >> vars_token >> clauses_token) || format != "cnf" ||
          (tokens >> extra) || !dimacs_parse_long(vars_token, vars) ||
          !dimacs_parse_long(clauses_token, declared_clauses) || vars < 0 || vars >= INT_MAX ||
          declared_clauses < 0)
        dimacs_error(line_no, "malformed header '" + line + "', expected 'p cnf <vars> <clauses>'");
      cnf.num_vars = int(vars);
      have_header = true;
      continue;
    }
    if (!have_header) dimacs_error(line_no, "clause before the 'p cnf' header");
    do {
      long lit = 0;
      if (!dimacs_parse_long(token, lit)) dimacs_error(line_no, "not an integer: '" + token + "'");
      if (lit == 0) {
        cnf.clauses.push_back(std::move(current));
        current.clear();
        continue;
      }
      if (std::labs(lit) > cnf.num_vars)
        dimacs_error(line_no, "literal " + token + " exceeds the " + std::to_string(cnf.num_vars) +
                                  " declared variables");
      current.push_back(Lit(lit));
      last_line = line_no;
    } while (tokens >> token);
  }
  if (!have_header) dimacs_error(line_no, "missing 'p cnf' header");
  if (!current.empty()) dimacs_error(last_line, "last clause is not terminated by 0");
  if (long(cnf.clauses.size()) != declared_clauses)
    dimacs_error(line_no, "header declares " + std::to_string(declared_clauses) +
                              " clauses, found " + std::to_string(cnf.clauses.size()));
  return cnf;
}

}  // namespace tc
