// All-or-nothing export files (see atomic_files.hpp).
#include "lib/export/atomic_files.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace tc {

namespace {

std::string temporary_for(const std::string& path) {
  const std::filesystem::path p(path);
  std::string name = ".";  // appended, not "." + ...: GCC 12 warns (-Wrestrict) on that form
  name += p.filename().string();
  name += ".tmp-" + std::to_string(::getpid());
  return (p.parent_path() / name).string();
}

}  // namespace

AtomicFiles::~AtomicFiles() { remove_temporaries(); }

std::ostream& AtomicFiles::open(const std::string& path) {
  for (const Entry& e : entries_)  // one temporary each: the same path twice would share it
    if (e.path == path) throw ExportFileError("cannot write " + path + " twice in one export");
  Entry e{path, temporary_for(path), nullptr};
  errno = 0;
  e.out = std::make_unique<std::ofstream>(e.temporary, std::ios::binary | std::ios::trunc);
  if (!*e.out)
    throw ExportFileError("cannot write " + path +
                          (errno ? ": " + std::string(std::strerror(errno)) : ""));
  entries_.push_back(std::move(e));
  return *entries_.back().out;
}

void AtomicFiles::commit() {
  for (Entry& e : entries_) {
    e.out->close();
    if (!*e.out) {
      remove_temporaries();
      throw ExportFileError("cannot write " + e.path + ": the write failed (disk full?)");
    }
  }
  for (Entry& e : entries_) {
    std::error_code ec;
    std::filesystem::rename(e.temporary, e.path, ec);
    if (ec) {
      remove_temporaries();
      throw ExportFileError("cannot write " + e.path + ": " + ec.message());
    }
    e.temporary.clear();  // renamed: nothing to remove
  }
  entries_.clear();
}

void AtomicFiles::remove_temporaries() noexcept {
  for (Entry& e : entries_) {
    if (e.temporary.empty()) continue;
    if (e.out) e.out->close();
    std::error_code ignored;
    std::filesystem::remove(e.temporary, ignored);
    e.temporary.clear();
  }
}

}  // namespace tc
