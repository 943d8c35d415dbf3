// Independent tasks run side by side in child processes (verify --all --jobs N): each task is
// forked from the parent, its standard output and standard error go to files of its own, and the
// parent copies those files to its own in task order, so both streams read as if the tasks had
// run one after another (a task's progress lines therefore appear when it ends). A child inherits
// everything the parent set up (options, registry, memory limit: each child has its own
// --memory-limit ceiling) and shares no memory with the others, so the tasks need no locks.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

namespace tc {

// What one task ended with: its exit code (0..4, verify's codes), and whether the whole run
// stops after it (an error line was printed, as when the sequential run throws).
struct TaskOutcome {
  int code = 0;
  bool stops_run = false;
  int signal = 0;  // the signal that killed the child (code 4, stops the run; no line printed)
};

// Runs task(0) .. task(count - 1), at most `jobs` at a time, each in its own child process, and
// returns their outcomes in task order up to and including the first that stops the run (the
// children after it are ended). A child that dies of a signal stops the run with code 4; the
// caller names it. The parent must have no threads running (fork copies only the calling thread).
std::vector<TaskOutcome> run_child_tasks(size_t count, int jobs,
                                         const std::function<TaskOutcome(size_t)>& task);

}  // namespace tc
