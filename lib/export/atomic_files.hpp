// Export files written all or nothing. Each file goes to a temporary name in its own directory
// (".NAME.tmp-PID", so the rename stays on one file system) and commit() renames them all to
// their names once every one is written and closed. Destroyed without commit (an exception, a
// size limit, the memory limit), it removes its temporaries, so a failed export leaves no file
// behind, neither partial nor empty. A process killed by a signal can leave a temporary, but
// never a partial file under the final name.
#pragma once

#include <fstream>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace tc {

// A file that could not be created, written or renamed; the message names it and says why.
struct ExportFileError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class AtomicFiles {
 public:
  AtomicFiles() = default;
  AtomicFiles(const AtomicFiles&) = delete;
  AtomicFiles& operator=(const AtomicFiles&) = delete;
  ~AtomicFiles();

  // The stream that writes `path` (into its temporary). Throws ExportFileError when the
  // temporary cannot be created (e.g. the directory does not exist) or `path` is already open.
  std::ostream& open(const std::string& path);

  // Closes every stream and renames each temporary to its path. Throws ExportFileError if a
  // stream failed (e.g. a full disk) or a rename did; every temporary is then removed (files
  // renamed before a failed rename stay).
  void commit();

 private:
  struct Entry {
    std::string path, temporary;
    std::unique_ptr<std::ofstream> out;
  };
  void remove_temporaries() noexcept;
  std::vector<Entry> entries_;
};

}  // namespace tc
