#!/usr/bin/env bash
# proof_times.sh: how long the SAT engine takes to prove each construction equal to its spec
# (integer components at p = 4, 8, 12; float components at p = 4, 6, 8), with sizes beside it.
#
# Usage: bench/proof_times.sh [VERIFY_BINARY] (default build/verify)
# Environment: LIMIT (seconds per run, default 120; a run past it is reported as "timeout"),
#              COMPONENTS and WIDTHS to override the sweep.
# Each run is `verify --component C --p P --engine sat --json`; its JSON object (keys component,
# p, verdict, seconds, construction{gates,depth,...}, spec{...}) is collected and tabulated by
# python3, so jq is not needed.
set -u

verify=${1:-build/verify}
limit=${LIMIT:-120}
components=${COMPONENTS:-"int-cmp int-add int-iadd int-mul fadd fmul fcmp ffloor fdiv"}
# Integer components at p = 4, 8, 12; float components at p = 4, 6, 8 (issue targets).
widths_for() { if [[ -n "${WIDTHS:-}" ]]; then echo "$WIDTHS"; elif [[ $1 == int-* ]]; then echo "4 8 12"; else echo "4 6 8"; fi; }

if [[ ! -x "$verify" ]]; then
  echo "proof_times.sh: verify binary '$verify' not found or not executable" >&2
  exit 2
fi

results=$(mktemp)
errors=$(mktemp)
trap 'rm -f "$results" "$errors"' EXIT

for component in $components; do
  for p in $(widths_for "$component"); do
    echo "proof_times.sh: $component p=$p ..." >&2
    # The wall clock is the fallback when the run leaves no JSON (timeout, crash).
    start=$(date +%s.%N)
    output=$(timeout "$limit" "$verify" --component "$component" --p "$p" --engine sat --json \
             2>"$errors")
    status=$?
    elapsed=$(awk -v start="$start" -v end="$(date +%s.%N)" 'BEGIN { printf "%.2f", end - start }')
    json=$(printf '%s\n' "$output" | grep '^{' | tail -n 1)
    if [[ $status -eq 124 ]]; then
      verdict="timeout"
    elif [[ -z "$json" ]]; then
      verdict="error(exit $status: $(head -n 1 "$errors"))"
    else
      verdict=""
    fi
    # One record per run: component, p, wall seconds, fallback verdict, JSON (may be empty).
    printf '%s\t%s\t%s\t%s\t%s\n' "$component" "$p" "$elapsed" "$verdict" "$json" >>"$results"
  done
done

python3 - "$results" <<'PYTHON'
import json
import sys

def size(stats):
    if not stats:
        return "-"
    return f"{stats.get('gates', '?')}/{stats.get('depth', '?')}"

rows = []
with open(sys.argv[1]) as records:
    for line in records:
        component, p, wall, verdict, text = line.rstrip("\n").split("\t", 4)
        report = json.loads(text) if text else {}
        seconds = report.get("seconds")
        rows.append((
            component, p,
            verdict or str(report.get("verdict")),
            f"{seconds:.2f}" if isinstance(seconds, (int, float)) else f">{float(wall):.0f}",
            size(report.get("construction")),
            size(report.get("spec")),
        ))

header = ("component", "p", "verdict", "seconds", "construction gates/depth", "spec gates/depth")
widths = [max(len(str(row[i])) for row in rows + [header]) for i in range(len(header))]
for row in [header] + rows:
    print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)).rstrip())
PYTHON
