#!/usr/bin/env bash
# encodings.sh: the miter CNF's size and the SAT proof's time per threshold-gate encoding, and
# minisat+ on the pseudo-Boolean export, side by side from one run (issue #20). For each component
# and p, and each encoding E of auto (the per-gate choice, the default), bdd (every wide gate a
# BDD), adder (every wide gate an adder network and comparator), totalizer (every wide gate a
# unary counter):
#   `verify --component C --p P --stats-only --encoding E --export-cnf FILE --json`: the exported
#       monolithic miter CNF's variables and clauses;
#   `verify --component C --p P --engine sat --encoding E --json`: the SAT proof's verdict and its
#       CPU seconds (user + sys).
# Small gates get their plain or direct clauses whatever E says (lib/cnf/threshold.hpp).
# Then `verify --stats-only --export-opb FILE` and `minisat+ FILE` (the CPU time minisat+
# reports; the export apart). A BDD or a totalizer past its size limit is an error of that run
# (exit 3), in its cell.
#
# Every run is limited by CPU time (ulimit -t), not wall-clock time, so that the load of other jobs
# on a shared machine does not cut a run short: a run stopped there is a "timeout (cpu N)" cell,
# N its CPU seconds. It also stops after WALL seconds of wall-clock time ("timeout (wall N s)"),
# and its address space is capped at MEMORY GiB (ulimit -v; verify then ends with a one-line
# out-of-memory error, exit 3), so that no run takes the machine down.
#
# Usage: bench/encodings.sh [VERIFY_BINARY] (default build/verify)
# Environment: LIMIT (CPU seconds per run, default 120), WALL (wall-clock seconds per run, default
#              3 x LIMIT), MEMORY (GiB per run, default 4),
#              COMPONENTS (default: every component of `verify --list`), WIDTHS (default "4 6 8";
#              a p outside a component's range, from `verify --list`, is not run and is listed
#              below the table).
set -u

verify=${1:-build/verify}
limit=${LIMIT:-120}
wall_limit=${WALL:-$((3 * limit))}
memory_gib=${MEMORY:-4}
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
# The component names are the first column of `verify --list` (after its header line), and the
# second and third give the p range ("--p 2..16").
listing=$("$verify" --list)
components=${COMPONENTS:-$(awk 'NR > 1 && /^[^ ]/ { print $1 }' <<<"$listing")}
# Whether COMPONENT's range in `verify --list` holds P (true if the listing has no range for it).
in_range() {
  awk -v c="$1" -v p="$2" 'NR > 1 && $1 == c && $2 == "--p" {
      split($3, r, /\.\./); exit !(p + 0 >= r[1] + 0 && p + 0 <= r[2] + 0) }' <<<"$listing"
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
results="$work/results.tsv"
: >"$results"  # the table is printed even if every p is out of range
skipped=""

# shellcheck source=bench/timed.sh
source "$(dirname "$0")/timed.sh"

# A run's cell when it ended without output: which limit stopped it, or its exit and first error.
stopped() {
  if cpu_limited; then echo "timeout (cpu $cpu)"
  elif [[ $status -eq 124 ]]; then echo "timeout (wall $wall_limit s, cpu $cpu)"
  else echo "exit $status: $(first_error "$1")"; fi
}

echo "encodings.sh: LIMIT=$limit CPU s (WALL=$wall_limit s), MEMORY=$memory_gib GiB per run, started $(date -u)"
echo "uptime: $(uptime)"
echo

# A run's error line, for a cell that explains a failure (tabs and pipes removed): verify's error
# line (its stderr starts with progress lines), else the first line of stderr. A size-limit error
# names the gate first ("gate N of '<miter>' (...): "); the cell keeps the limit, not the place.
first_error() {
  { grep -m 1 -E '^verify: (error|internal error)' "$work/$1.err" || head -n 1 "$work/$1.err"; } |
    tr '\t|' '  ' | sed -e 's/^verify: //' -e "s/^error: gate [0-9]* of '[^']*' ([^)]*): /error: /" |
    cut -c 1-70
}

for component in $components; do
  for p in $widths; do
    if ! in_range "$component" "$p"; then
      skipped="$skipped $component p=$p,"
      continue
    fi
    echo "encodings.sh: $component p=$p ..." >&2
    base="$work/$component-$p"
    record="$component\t$p"
    for encoding in auto bdd adder totalizer; do
      timed cnf "$verify" --component "$component" --p "$p" --stats-only --json \
        --encoding "$encoding" --export-cnf "$base.cnf"
      rm -f "$base.cnf"
      size=$(grep '^{' "$work/cnf.out" | tail -n 1)
      if [[ -z "$size" || $status -ne 0 ]]; then size=$(stopped cnf); fi
      timed sat "$verify" --component "$component" --p "$p" --engine sat --encoding "$encoding" --json
      json=$(grep '^{' "$work/sat.out" | tail -n 1)
      if [[ -z "$json" ]]; then proof=$(stopped sat)
      else proof="$(printf '%s' "$json" | python3 -c 'import json, sys; print(json.load(sys.stdin)["verdict"])') $cpu"; fi
      record="$record\t$size\t$proof"
    done
    timed opb "$verify" --component "$component" --p "$p" --stats-only --export-opb "$base.opb"
    if [[ $status -eq 0 ]]; then
      timed minisat minisat+ "$base.opb"
      if cpu_limited || [[ $status -eq 124 ]]; then minisat=$(stopped minisat)
      else
        answer=$(grep -m 1 '^s ' "$work/minisat.out" | cut -c 3-)
        seconds=$(awk '/CPU time/ { printf "%.2f", $(NF - 1) }' "$work/minisat.out")
        minisat="${answer:-exit $status: $(first_error minisat)} $seconds"
      fi
    else minisat="export $(stopped opb)"; fi
    rm -f "$base.opb"
    printf "$record\t%s\n" "$minisat" >>"$results"
    tail -n 1 "$results" >&2  # the raw row, so that a run cut short still leaves its rows
  done
done

python3 - "$results" "$limit" "$wall_limit" "$memory_gib" <<'PYTHON'
import json
import sys

print(f"Limit {sys.argv[2]} CPU s ({sys.argv[3]} s wall, {sys.argv[4]} GiB) per run. CNF: variables/clauses of the exported miter;")
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
if [[ -n $skipped ]]; then
  echo
  echo "Not run (p outside the component's range in verify --list):${skipped%,}."
fi
echo
echo "finished $(date -u); uptime: $(uptime)"
