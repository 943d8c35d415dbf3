// Forward DRUP checking of the DRAT proofs CaDiCaL 1.5.3 writes
// (Solver::trace_proof; binary unless the option "binary" is 0).  Every
// added lemma must follow from the formula and the earlier lemmas by
// reverse unit propagation (RUP, Goldberg and Novikov, DATE 2003; the DRUP
// format of Heule, Hunt and Wetzler, 2013), and at the end the empty clause
// must have been derived, or formula plus lemmas must propagate to a
// conflict.  A lemma that is RAT but not RUP is rejected: CaDiCaL's lemmas
// were all RUP in our use (REFERENCE.md section 6), so one is a bug signal.
// Deletions are applied for speed; a proof rejected that way is checked
// again with deletions ignored (both are sound, see drup_check.cpp), so a
// proof passes iff it passes with deletions ignored (given a seekable
// stream).  Used to certify UNSAT verdicts independently of the solver.
#pragma once

#include <cstddef>
#include <istream>
#include <string>

#include "lib/cnf/cnf.hpp"

namespace tc {

struct DrupResult {
  bool verified = false;  // the proof refutes the formula
  std::string message;    // one line: why it failed, or what was verified
  size_t lemmas = 0;      // addition items read (the empty clause included)
  size_t deletions = 0;   // deletion items read
  double seconds = 0;     // wall-clock time of parsing and checking
};

// Checks the proof in the file at proof_path (binary or text, detected).
// An unreadable file gives verified = false with a message.
DrupResult drup_check(const Cnf& formula, const std::string& proof_path);

// Same for a proof read from a stream.  The format is binary DRAT if the
// first byte is 'a' or the first 4096 bytes contain a byte 0 or >= 0x80
// (every binary item ends in a 0 byte; text DRAT has neither), else text.
// Malformed input (truncated items, unknown bytes, huge literals) gives
// verified = false with the byte offset in the message.  The retry with
// deletions ignored needs a seekable stream; otherwise the message says so.
DrupResult drup_check_stream(const Cnf& formula, std::istream& proof);

}  // namespace tc
