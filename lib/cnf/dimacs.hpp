// DIMACS CNF reading and writing ("p cnf <vars> <clauses>", clauses as
// zero-terminated literal lists, "c" comment lines), the exchange format of
// the SAT competitions and of every solver and proof checker we call.
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "lib/cnf/cnf.hpp"

namespace tc {

// Writes each comment line as "c <line>", then the header and the clauses,
// one per line.
void cnf_write_dimacs(std::ostream& out, const Cnf& cnf,
                      const std::vector<std::string>& comment_lines = {});

// Reads a DIMACS CNF.  Comment lines may appear anywhere.  Throws
// std::runtime_error with a one-line message ("dimacs line 7: ...") if the
// header is missing or malformed, a token is not an integer, a literal
// exceeds the declared variable count, the last clause lacks its 0, or the
// clause count differs from the header.
Cnf cnf_read_dimacs(std::istream& in);

}  // namespace tc
