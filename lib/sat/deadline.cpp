// Time limits of the SAT engines (see deadline.hpp).
#include "lib/sat/deadline.hpp"

#include <utility>

namespace tc {

namespace {
constexpr std::chrono::seconds kTickInterval(5);
}  // namespace

double seconds_since(SatClock::time_point start) {
  return std::chrono::duration<double>(SatClock::now() - start).count();
}

SatDeadline deadline_after(SatClock::time_point start, double timeout_seconds) {
  if (timeout_seconds <= 0) return std::nullopt;
  return start + std::chrono::duration_cast<SatClock::duration>(
                     std::chrono::duration<double>(timeout_seconds));
}

bool deadline_passed(const SatDeadline& deadline) {
  return deadline && SatClock::now() >= *deadline;
}

DeadlineTerminator::DeadlineTerminator(SatDeadline deadline, std::function<void()> tick,
                                       std::function<bool()> abandon)
    : deadline_(deadline),
      tick_(std::move(tick)),
      abandon_(std::move(abandon)),
      next_tick_(SatClock::now() + kTickInterval) {}

bool DeadlineTerminator::terminate() {
  const auto now = SatClock::now();
  if (tick_ && now >= next_tick_) {
    next_tick_ = now + kTickInterval;
    tick_();
  }
  return (deadline_ && now >= *deadline_) || (abandon_ && abandon_());
}

}  // namespace tc
