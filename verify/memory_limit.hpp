// A ceiling on the address space of a verify run, so that a proof that grows (a BDD, a CNF, a
// simulation of millions of wires) ends with one error line instead of taking the machine down.
#pragma once

namespace tc {

// Half of the machine's physical memory, in GiB: two runs side by side (ctest -j2) still fit.
double default_memory_limit_gib();

// Lowers RLIMIT_AS to `gib` GiB (0 = leave it); a lower ceiling set from outside (ulimit -v)
// stays. Returns the ceiling in force, in GiB (0 = none). Allocations beyond it throw
// std::bad_alloc.
double set_memory_limit(double gib);

}  // namespace tc
