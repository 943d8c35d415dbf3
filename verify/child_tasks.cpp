// Tasks in child processes (see child_tasks.hpp).
#include "verify/child_tasks.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <stdexcept>
#include <string>

namespace tc {

namespace {

// A child's exit status carries the task's code (0..4) in its low bits and this flag.
constexpr int kStopsRun = 8;

struct Child {
  pid_t pid = -1;
  std::FILE* out = nullptr;  // the child's standard output
  std::FILE* err = nullptr;  // and its standard error
  bool done = false;
  TaskOutcome outcome;
};

void flush_output() {
  std::cout.flush();
  std::cerr.flush();
  std::fflush(stdout);
  std::fflush(stderr);
}

// In the child: standard output and error into `c`'s files, the task, and its outcome as the
// exit status. _exit, not exit: the parent's atexit handlers and static objects are the parent's.
[[noreturn]] void run_in_child(const Child& c, const std::function<TaskOutcome(size_t)>& task,
                               size_t index) {
  if (dup2(fileno(c.out), STDOUT_FILENO) < 0 || dup2(fileno(c.err), STDERR_FILENO) < 0)
    _exit(kStopsRun | 4);
  TaskOutcome outcome{4, true};
  try {
    outcome = task(index);
  } catch (...) {  // the task reports its own errors; this only keeps the child from unwinding
    std::fprintf(stderr, "verify: internal error: an exception escaped a task\n");
  }
  flush_output();
  _exit((outcome.code & 7) | (outcome.stops_run ? kStopsRun : 0));
}

TaskOutcome outcome_of(int status) {
  if (WIFEXITED(status)) {
    const int s = WEXITSTATUS(status);
    return {s & 7, (s & kStopsRun) != 0, 0};
  }
  return {4, true, WIFSIGNALED(status) ? WTERMSIG(status) : -1};
}

void copy_file(std::FILE* from, std::FILE* to) {
  std::rewind(from);
  char buffer[1 << 14];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, from)) > 0) std::fwrite(buffer, 1, n, to);
  std::fflush(to);
}

void close_files(Child& c) {
  if (c.out) std::fclose(c.out);
  if (c.err) std::fclose(c.err);
  c.out = c.err = nullptr;
}

pid_t wait_for_child(int* status) {
  for (;;) {
    const pid_t pid = waitpid(-1, status, 0);
    if (pid >= 0 || errno != EINTR) return pid;
  }
}

}  // namespace

std::vector<TaskOutcome> run_child_tasks(size_t count, int jobs,
                                         const std::function<TaskOutcome(size_t)>& task) {
  std::vector<Child> children(count);
  std::vector<TaskOutcome> outcomes;
  size_t next_start = 0, next_print = 0, running = 0;
  auto end_running = [&] {
    for (Child& c : children) {
      if (c.pid > 0 && !c.done) {
        kill(c.pid, SIGTERM);
        int status = 0;
        waitpid(c.pid, &status, 0);
        c.done = true;
      }
      close_files(c);
    }
  };
  while (next_print < count) {
    while (running < static_cast<size_t>(jobs) && next_start < count) {
      Child& c = children[next_start];
      c.out = std::tmpfile();
      c.err = std::tmpfile();
      if (!c.out || !c.err) {
        end_running();
        throw std::runtime_error("cannot create a temporary file for a task's output");
      }
      flush_output();  // or the child would print the parent's buffered text again
      c.pid = fork();
      if (c.pid < 0) {
        end_running();
        throw std::runtime_error(std::string("cannot start a process: ") + std::strerror(errno));
      }
      if (c.pid == 0) run_in_child(c, task, next_start);
      ++next_start;
      ++running;
    }
    int status = 0;
    const pid_t pid = wait_for_child(&status);
    if (pid < 0) {
      end_running();
      throw std::runtime_error(std::string("waiting for a task: ") + std::strerror(errno));
    }
    for (Child& c : children) {
      if (c.pid != pid || c.done) continue;
      c.done = true;
      c.outcome = outcome_of(status);
      --running;
    }
    // Reports in task order: print every finished task up to the first still running.
    while (next_print < count && children[next_print].done) {
      Child& c = children[next_print++];
      copy_file(c.out, stdout);
      copy_file(c.err, stderr);
      close_files(c);
      outcomes.push_back(c.outcome);
      if (c.outcome.stops_run) {
        end_running();
        return outcomes;
      }
    }
  }
  return outcomes;
}

}  // namespace tc
