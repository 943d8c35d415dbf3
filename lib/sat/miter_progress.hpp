// Progress lines of the SAT miter (MiterParams::progress): a line every few seconds while an
// obligation is being solved, and one line per answered obligation.
#pragma once

#include <functional>
#include <string>

#include "lib/sat/deadline.hpp"
#include "lib/sat/miter_stats.hpp"

namespace tc {

class ObligationProgress {
 public:
  explicit ObligationProgress(std::function<void(const std::string&)> say) : say_(std::move(say)) {}
  void start(const std::string& output);           // the obligation now being solved
  void still_solving() const;                      // "solving z[3]: 15 s"
  void answered(const ObligationStats& ob) const;  // "obligation z[3]: unsat (...)"

 private:
  std::function<void(const std::string&)> say_;  // unset: silent
  std::string current_;
  SatClock::time_point current_start_ = SatClock::now();
};

}  // namespace tc
