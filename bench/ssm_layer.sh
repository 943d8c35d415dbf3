#!/usr/bin/env bash
# ssm_layer.sh: the SSM components' proofs and mutants in one table: each component at its
# defaults and at p = 4, the same with --windows (every fsum and matmul block polynomial; the
# components that declare it) or --aligned (the parts whose default is the windows build: their
# exponent-aligned sums, exponential in p), then each of its mutants at the defaults (verdict,
# engine seconds, wall seconds). The 60 s targets of issue 14 (scan --p 4 --L 4, selective-ssm) are rows of their own.
#
# Usage: bench/ssm_layer.sh [VERIFY_BINARY] (default build/verify)
# Environment: LIMIT (seconds per run, default 600; past it the verdict is UNKNOWN).
set -u
verify=${1:-build/verify}
limit=${LIMIT:-600}

row() {  # row LABEL ARGS...: one table line for `verify ARGS`
  local label=$1; shift
  local start end out verdict
  start=$(date +%s.%N)
  out=$("$verify" "$@" --timeout "$limit" 2>/dev/null | grep -m1 '^verdict')
  end=$(date +%s.%N)
  verdict=$(echo "$out" | sed -E 's/^verdict +([A-Z]+).*\(engine ([a-z0-9]+), ([0-9.]+) s.*/\1 | \2 | \3/')
  [ -z "$verdict" ] && verdict="no verdict | - | -"
  printf '| %s | %s | %.1f |\n' "$label" "$verdict" "$(echo "$end - $start" | bc)"
}

echo "| run | verdict | engine | engine s | wall s |"
echo "|---|---|---|---|---|"
row "scan --p 4 --L 4" --component scan --p 4 --L 4
for comp in discretize scan conv-kernel conv-ssm conv1d selection selective-ssm mamba; do
  row "$comp" --component "$comp"
  row "$comp --p 4" --component "$comp" --p 4
  if "$verify" --component "$comp" --windows --stats-only > /dev/null 2>&1; then
    row "$comp --windows" --component "$comp" --windows  # polynomial fsum and matmul blocks
    row "$comp --p 4 --windows" --component "$comp" --p 4 --windows
  fi
  if "$verify" --component "$comp" --aligned --stats-only > /dev/null 2>&1; then
    row "$comp --aligned" --component "$comp" --aligned  # exponent-aligned sums
    row "$comp --p 4 --aligned" --component "$comp" --p 4 --aligned
  fi
  for m in $("$verify" --component "$comp" --list-mutants | awk '{print $1}'); do
    row "$comp --mutant $m" --component "$comp" --mutant "$m"
  done
done
