#!/usr/bin/env bash
# proof_times.sh: how long the SAT engine takes to prove each construction equal to its spec
# (integer components at p = 4, 8, 12; float components at p = 4, 6, 8), with sizes beside it.
#
# Usage: bench/proof_times.sh [VERIFY_BINARY] (default build/verify)
# Environment: LIMIT (seconds per run, default 120; a run past it is reported as "timeout"),
#              COMPONENTS and WIDTHS to override the sweep.
# Each run is `verify --component C --p P --engine sat --json` (log, silu, softplus: --engine sim); its JSON object (keys component,
# p, verdict, seconds, construction{gates,depth,...}, spec{...}) is collected and tabulated by
# python3, so jq is not needed.
set -u

verify=${1:-build/verify}
limit=${LIMIT:-120}
components=${COMPONENTS:-"int-cmp int-add int-iadd int-mul fadd fmul fcmp ffloor fdiv exp log silu softplus fsum matmul fprod hadamard"}
# Integer components at p = 4, 8, 12; float components at p = 4, 6, 8 (issue targets).
# fsum and matmul run at their defaults otherwise (fsum n = 4, matmul 2 x 2 by 2 x 2, both e = 4);
# matmul stops at p = 6 (eight significand products per proof).
# fprod (n = 3) stops at p = 6: its cut block (the 3p-bit significand product) is proved by
# exhaustive simulation of 2^(3p) inputs, minutes at p = 8. hadamard runs at n = 4.
widths_for() { if [[ -n "${WIDTHS:-}" ]]; then echo "$WIDTHS"; elif [[ $1 == int-* ]]; then echo "4 8 12"; elif [[ $1 == matmul ]]; then echo "3 4 6"; elif [[ $1 == fprod ]]; then echo "4 5 6"; else echo "4 6 8"; fi; }

# log is proved by exhaustive simulation (one float input, 2^(2p+2) assignments): SAT does not
# finish at p = 6 in 5 minutes. (exp is SAT's again: its range reduction and series are blocks.)
# silu too (one input; a composition of exp and fdiv at p + 3 bits): p = 8 takes about 2 minutes.
# softplus likewise (one input; exp, log, fadd, fdiv, fmul at p + 4 bits).
engine_for() { if [[ $1 == log || $1 == silu || $1 == softplus ]]; then echo sim; else echo sat; fi; }

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
    output=$(timeout "$limit" "$verify" --component "$component" --p "$p" --engine "$(engine_for "$component")" --json \
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
