#!/usr/bin/env bash
# Runs the bench scripts that print tables on one small case each, so that a broken script fails
# a test instead of a later benchmark run: each must print a row with the expected result.
# Usage: scripts/check-bench-smoke.sh path/to/verify
set -euo pipefail
verify=$1
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(LIMIT=20 COMPONENTS=int-mul WIDTHS="4 20" bash "$root/bench/frontier.sh" "$verify")
grep -q '^| int-mul | 4 | PROVED' <<<"$out" || { echo "frontier.sh: no proved row"; echo "$out"; exit 1; }
grep -q '^| int-mul | 20 | exit 2: verify: error: p = 20 is out of range' <<<"$out" ||
  { echo "frontier.sh: no out-of-range row"; echo "$out"; exit 1; }
out=$(LIMIT=20 COMPONENTS=fmul WIDTHS="4 40" bash "$root/bench/aiger_sizes.sh" "$verify")
grep -Eq '^\| fmul \| 4 \| written \|.*\| [0-9]+ / [0-9]+ KB \| [0-9]+ / [0-9]+ KB \| [0-9]+ / [0-9]+ KB \|$' \
  <<<"$out" || { echo "aiger_sizes.sh: no written row"; echo "$out"; exit 1; }
grep -q '^| fmul | 16 (max) | written |' <<<"$out" ||
  { echo "aiger_sizes.sh: p = 40 not replaced by fmul's largest p"; echo "$out"; exit 1; }
out=$(LIMIT=20 COMPONENTS=int-mul WIDTHS="4 20" bash "$root/bench/encodings.sh" "$verify" 2>/dev/null)
grep -Eq '^\| int-mul \| 4 \| [0-9]+/[0-9]+ \| proved [0-9.]+ \|.* \| UNSATISFIABLE [0-9.]+ \|$' <<<"$out" ||
  { echo "encodings.sh: no proved row"; echo "$out"; exit 1; }
grep -q '^Not run (p outside .*): int-mul p=20\.$' <<<"$out" ||
  { echo "encodings.sh: p = 20 not reported as out of range"; echo "$out"; exit 1; }
echo "bench scripts: ok"
