// Progress lines of the SAT miter (see miter_progress.hpp).
#include "lib/sat/miter_progress.hpp"

namespace tc {

void ObligationProgress::start(const std::string& output) {
  current_ = output;
  current_start_ = SatClock::now();
}

void ObligationProgress::still_solving() const {
  if (say_)
    say_("solving " + current_ + ": " +
         std::to_string(static_cast<int>(seconds_since(current_start_))) + " s");
}

void ObligationProgress::answered(const ObligationStats& ob) const {
  if (say_)
    say_("obligation " + ob.output_word + ": " + sat_answer_name(ob.result) + " (" +
         std::to_string(ob.variables) + " vars, " + std::to_string(ob.clauses) + " clauses, " +
         std::to_string(ob.seconds) + " s)");
}

}  // namespace tc
