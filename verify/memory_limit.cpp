// Address-space ceiling (see memory_limit.hpp).
#include "verify/memory_limit.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <cmath>
#include <stdexcept>

namespace tc {

double default_memory_limit_gib() {
  const double bytes =
      static_cast<double>(sysconf(_SC_PHYS_PAGES)) * static_cast<double>(sysconf(_SC_PAGE_SIZE));
  return std::floor(bytes / 2 / (1u << 30) * 10) / 10;
}

double set_memory_limit(double gib) {
  rlimit limit{};
  if (getrlimit(RLIMIT_AS, &limit) != 0) throw std::runtime_error("cannot read the memory limit");
  // Only ever lower it: a ceiling set from outside (ulimit -v) stays in force.
  if (gib > 0) {
    const auto wanted = static_cast<rlim_t>(gib * (1u << 30));
    if (limit.rlim_cur == RLIM_INFINITY || wanted < limit.rlim_cur) {
      limit.rlim_cur = wanted;
      if (setrlimit(RLIMIT_AS, &limit) != 0)
        throw std::runtime_error("cannot set the memory limit");
    }
  }
  return limit.rlim_cur == RLIM_INFINITY ? 0 : static_cast<double>(limit.rlim_cur) / (1u << 30);
}

}  // namespace tc
