// Time limits of the SAT engines: one deadline shared by every solver call of a run (so that
// --timeout bounds the whole proof, not each obligation), and a CaDiCaL terminator honouring it.
#pragma once

#include <cadical.hpp>
#include <chrono>
#include <functional>
#include <optional>

namespace tc {

using SatClock = std::chrono::steady_clock;
using SatDeadline = std::optional<SatClock::time_point>;  // nullopt: no limit

double seconds_since(SatClock::time_point start);

// `timeout_seconds` after `start`; no deadline when timeout_seconds <= 0.
SatDeadline deadline_after(SatClock::time_point start, double timeout_seconds);

bool deadline_passed(const SatDeadline& deadline);

// Stops CaDiCaL when the deadline passes or `abandon` (if set) says the answer is no longer
// needed (obligations solved side by side), and calls `tick` (if set) every five seconds so that
// long solves can show progress.
class DeadlineTerminator : public CaDiCaL::Terminator {
 public:
  explicit DeadlineTerminator(SatDeadline deadline, std::function<void()> tick = nullptr,
                              std::function<bool()> abandon = nullptr);
  bool terminate() override;

 private:
  SatDeadline deadline_;
  std::function<void()> tick_;
  std::function<bool()> abandon_;
  SatClock::time_point next_tick_;
};

}  // namespace tc
