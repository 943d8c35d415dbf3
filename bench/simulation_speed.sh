#!/usr/bin/env bash
# simulation_speed.sh: exhaustive simulation, two verify binaries side by side in one run.
#
# Usage: bench/simulation_speed.sh BEFORE_BINARY AFTER_BINARY
# Environment: LIMIT (wall seconds per run, default 900), RUNS to override the sweep (a list of
#              "component:p:extra-args" entries, extra args joined by commas), SIDES to run only
#              some of "before after jobs2".
# Each run is `verify --component C --p P ARGS`, first with BEFORE, then with AFTER, then with
# AFTER and --jobs 2 (the enumeration split between two threads). The table gives the verdict,
# the engine seconds the report prints, the wall and CPU seconds of the process (GNU time) and,
# from the report, how the proof went (engine, or the cut block's method).
set -u

before=${1:-}
after=${2:-}
limit=${LIMIT:-900}
# int-mul at p = 12 and 14: its multiplier pair, enumerated whole (2^24 inputs by default, 2^28
# after 30 s of SAT); fmul at p = 14 and 16: its significand-product block (after 30 s of SAT);
# fprod, silu, softplus at p = 8: blocks and whole circuits the default engine simulates.
runs=${RUNS:-"int-mul:12: int-mul:14: fmul:14: fmul:16: fprod:8: silu:8: softplus:8:"}

for binary in "$before" "$after"; do
  if [[ ! -x "$binary" ]]; then
    echo "simulation_speed.sh: verify binary '$binary' not found or not executable" >&2
    exit 2
  fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(dirname "$0")/timed.sh"

echo "simulation_speed.sh: $(date -u), $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
printf '| component | p | binary | verdict | engine s | wall s | CPU s | how |\n'
printf '|---|---|---|---|---|---|---|---|\n'
for run in $runs; do
  IFS=: read -r component p extra <<<"$run"
  IFS=, read -r -a args <<<"$extra"
  for side in ${SIDES:-before after jobs2}; do
    binary=$before
    jobs=()
    [[ $side != before ]] && binary=$after
    [[ $side == jobs2 ]] && jobs=(--jobs 2) && side="after --jobs 2"
    echo "simulation_speed.sh: $component p=$p $side ..." >&2
    start=$(date +%s.%N)
    timed run "$binary" --component "$component" --p "$p" "${args[@]}" "${jobs[@]}"
    wall=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
    line=$(grep '^verdict' "$work/run.out" | head -n 1)
    verdict=$(awk '{ print $2 }' <<<"$line")
    [[ $status -eq 124 ]] && verdict="timeout"
    [[ -z $verdict ]] && verdict="error(exit $status: $(head -n 1 "$work/run.err"))"
    engine=$(sed -n 's/.*(engine [a-z0-9]*, \([0-9.]*\) s.*/\1/p' <<<"$line")
    how=$(grep -o 'exhaustive simulation of [0-9]* inputs' "$work/run.out" | head -n 1)
    [[ -z $how ]] && how=$(sed -n 's/.*(engine \([a-z0-9]*\),.*/engine \1/p' <<<"$line")
    printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$component" "$p" "$side" "$verdict" \
      "${engine:--}" "$wall" "$cpu" "${how:--}"
  done
done
