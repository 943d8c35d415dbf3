#!/usr/bin/env bash
# Fails (and names the files) when a tracked C++ file differs from what clang-format makes of it
# with the tree's .clang-format. A missing clang-format is a failure, not a skip
# (scripts/install-deps.sh installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang-format >/dev/null || { echo "check-format: clang-format is not installed" >&2; exit 1; }
mapfile -t files < <(git ls-files '*.cpp' '*.hpp')
[ "${#files[@]}" -gt 0 ] || { echo "check-format: no C++ files found (not a git checkout?)" >&2; exit 1; }
bad=()
for f in "${files[@]}"; do
  clang-format --dry-run -Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if [ "${#bad[@]}" -gt 0 ]; then
  echo "check-format: ${#bad[@]} file(s) not formatted (clang-format -i them): ${bad[*]}" >&2
  exit 1
fi
echo "check-format: ${#files[@]} files formatted"
