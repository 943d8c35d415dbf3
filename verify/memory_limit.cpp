// Address-space ceiling (see memory_limit.hpp).
#include "verify/memory_limit.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <cmath>
#include <stdexcept>

namespace tc {

double default_memory_limit_gib() {
  const double bytes = static_cast<double>(sysconf(_SC_PHYS_PAGES)) * static_cast<double>(sysconf(_SC_PAGE_SIZE));
  return std::floor(bytes / 2 / (1u << 30) * 10) / 10;
}

void set_memory_limit(double gib) {
  if (gib <= 0) return;
  rlimit limit{};
  limit.rlim_cur = limit.rlim_max = static_cast<rlim_t>(gib * (1u << 30));
  if (setrlimit(RLIMIT_AS, &limit) != 0) throw std::runtime_error("cannot set the memory limit");
}

}  // namespace tc
