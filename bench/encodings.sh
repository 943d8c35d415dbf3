#!/usr/bin/env bash
# encodings.sh: the miter CNF's size and the SAT proof's time per threshold-gate encoding, and
# minisat+ on the pseudo-Boolean export, side by side from one run (issue #20). For each component
# and p, and each encoding E of auto (the per-gate choice, the default), bdd (every wide gate a
# BDD), adder (every wide gate an adder network and comparator), totalizer (every wide gate a
# unary counter):
#   `verify --component C --p P --stats-only --encoding E --export-cnf FILE --json`: the exported
#       monolithic miter CNF's variables and clauses;
#   `verify --component C --p P --engine sat --encoding E --json`: the SAT proof's verdict and its
#       CPU seconds (user + sys, so the load of other jobs counts less than in wall time).
# Small gates get their plain or direct clauses whatever E says (lib/cnf/threshold.hpp).
# Then `verify --stats-only --export-opb FILE` and `minisat+ FILE` (the CPU time minisat+
# reports; the export apart). A BDD or a totalizer past its size limit is an error of that run
# (exit 3), in its cell.
#
# Usage: bench/encodings.sh [VERIFY_BINARY] (default build/verify)
# Environment: LIMIT (wall seconds per run, default 120; a run past it prints "timeout" and the CPU
#              seconds it got: on a loaded machine that is less than LIMIT),
#              COMPONENTS (default: every component of `verify --list`), WIDTHS (default "4 6 8").
set -u

verify=${1:-build/verify}
limit=${LIMIT:-120}
widths=${WIDTHS:-"4 6 8"}

if [[ ! -x "$verify" ]]; then
  echo "encodings.sh: verify binary '$verify' not found or not executable" >&2
  exit 2
fi
for tool in minisat+ python3; do
  if ! command -v "$tool" >/dev/null; then
    echo "encodings.sh: $tool not found (scripts/install-deps.sh installs it)" >&2
    exit 2
  fi
done
# The component names are the first column of `verify --list` (after its header line).
components=${COMPONENTS:-$("$verify" --list | awk 'NR > 1 && /^[^ ]/ { print $1 }')}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
results="$work/results.tsv"

# shellcheck source=bench/timed.sh
source "$(dirname "$0")/timed.sh"

# The first line of a run's stderr, for a cell that explains a failure (tabs and pipes removed).
first_error() { head -n 1 "$work/$1.err" | tr '\t|' '  ' | sed 's/^verify: //' | cut -c 1-70; }

for component in $components; do
  for p in $widths; do
    echo "encodings.sh: $component p=$p ..." >&2
    base="$work/$component-$p"
    record="$component\t$p"
    for encoding in auto bdd adder totalizer; do
      timed cnf "$verify" --component "$component" --p "$p" --stats-only --json \
        --encoding "$encoding" --export-cnf "$base.cnf"
      rm -f "$base.cnf"
      size=$(grep '^{' "$work/cnf.out" | tail -n 1)
      if [[ $status -eq 124 ]]; then size="timeout (cpu $cpu)"
      elif [[ -z "$size" ]]; then size="exit $status: $(first_error cnf)"; fi
      timed sat "$verify" --component "$component" --p "$p" --engine sat --encoding "$encoding" --json
      json=$(grep '^{' "$work/sat.out" | tail -n 1)
      if [[ $status -eq 124 ]]; then proof="timeout (cpu $cpu)"
      elif [[ -z "$json" ]]; then proof="exit $status: $(first_error sat)"
      else proof="$(printf '%s' "$json" | python3 -c 'import json, sys; print(json.load(sys.stdin)["verdict"])') $cpu"; fi
      record="$record\t$size\t$proof"
    done
    timed opb "$verify" --component "$component" --p "$p" --stats-only --export-opb "$base.opb"
    if [[ $status -eq 0 ]]; then
      timed minisat minisat+ "$base.opb"
      if [[ $status -eq 124 ]]; then minisat="timeout (cpu $cpu)"
      else
        answer=$(grep -m 1 '^s ' "$work/minisat.out" | cut -c 3-)
        seconds=$(awk '/CPU time/ { printf "%.2f", $(NF - 1) }' "$work/minisat.out")
        minisat="${answer:-exit $status: $(first_error minisat)} $seconds"
      fi
    elif [[ $status -eq 124 ]]; then minisat="export timeout (cpu $cpu)"
    else minisat="export exit $status: $(first_error opb)"; fi
    rm -f "$base.opb"
    printf "$record\t%s\n" "$minisat" >>"$results"
  done
done

python3 - "$results" "$limit" <<'PYTHON'
import json
import sys

print(f"Limit {sys.argv[2]} s wall per run. CNF: variables/clauses of the exported miter;")
print("SAT: verify --engine sat's verdict and CPU seconds; minisat+: its answer on the OPB export")
print("and the CPU seconds it reports (the exports apart).")
print()
header = ["component", "p"]
for encoding in ("auto (chosen)", "bdd only", "adder only", "totalizer only"):
    header += [f"CNF {encoding}", f"SAT {encoding}"]
header.append("minisat+ (OPB)")
print("| " + " | ".join(header) + " |")
print("|" + "---|" * len(header))
with open(sys.argv[1]) as records:
    for line in records:
        fields = line.rstrip("\n").split("\t")
        cells = fields[:2]
        for k in range(4):
            size, proof = fields[2 + 2 * k: 4 + 2 * k]
            if size.startswith("{"):
                m = json.loads(size).get("miter_cnf") or {}
                size = f"{m.get('variables')}/{m.get('clauses')}"
            cells += [size, proof]
        cells.append(fields[10])
        print("| " + " | ".join(cells) + " |")
PYTHON
