#!/usr/bin/env bash
# versus_abc.sh: our SAT proof beside the generic checkers on our own exports, one table from one
# run (issue #16). For each component and p:
#   - verify:   `verify --component C --p P --engine sat --json` (cut points; integer words bit
#               by bit, a float word in one obligation);
#   - &cec/cec: ABC (berkeley-abc) on the exported pair `--export-aiger` writes,
#               `&cec BASE.spec.aig BASE.construction.aig` and `cec ...` (both sides masked by the
#               same input-validity predicate, as tests/export/abc.cpp checks them);
#   - CaDiCaL:  `cadical -q` on the exported monolithic miter CNF (`--export-cnf`), exit 20 = UNSAT.
# Times are CPU seconds (user + sys) of each process, so the load of other jobs on the machine
# counts less than in wall time; the export runs are timed apart and reported in their own columns,
# not added to the solvers' times.
#
# Usage: bench/versus_abc.sh [VERIFY_BINARY] (default build/verify)
# Environment: LIMIT (wall seconds per run, default 600; a run past it prints "timeout" and the CPU
#              seconds it got: on a loaded machine that is less than LIMIT),
#              COMPONENTS (default "fadd fmul fdiv fsum int-mul"), WIDTHS (default "4 6 8 10 12 16").
set -u

verify=${1:-build/verify}
limit=${LIMIT:-600}
components=${COMPONENTS:-"fadd fmul fdiv fsum int-mul"}
widths=${WIDTHS:-"4 6 8 10 12 16"}

if [[ ! -x "$verify" ]]; then
  echo "versus_abc.sh: verify binary '$verify' not found or not executable" >&2
  exit 2
fi
for tool in berkeley-abc cadical python3; do
  if ! command -v "$tool" >/dev/null; then
    echo "versus_abc.sh: $tool not found (scripts/install-deps.sh installs it)" >&2
    exit 2
  fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
results="$work/results.tsv"

# shellcheck source=bench/timed.sh
source "$(dirname "$0")/timed.sh"

# The first line of a run's stderr, for a cell that explains a failure (tabs and pipes removed).
first_error() { head -n 1 "$work/$1.err" | tr '\t|' '  ' | cut -c 1-90; }

# ABC's verdict line for `cec` and `&cec`.
abc_verdict() {
  if grep -q "Networks are equivalent" "$work/$1.out"; then
    echo equivalent
  elif grep -qi "NOT EQUIVALENT" "$work/$1.out"; then
    echo "not equivalent"
  else
    echo "undecided: $(grep -v '^ABC command line' "$work/$1.out" | head -n 1 | cut -c 1-60)"
  fi
}

for component in $components; do
  for p in $widths; do
    echo "versus_abc.sh: $component p=$p ..." >&2
    base="$work/$component-$p"

    timed verify "$verify" --component "$component" --p "$p" --engine sat --json
    json=$(grep '^{' "$work/verify.out" | tail -n 1)
    if [[ $status -eq 124 ]]; then ours="timeout (cpu $cpu)"
    elif [[ -z "$json" ]]; then ours="exit $status: $(first_error verify)"
    else ours=""; fi
    ours_cpu=$cpu

    timed aig "$verify" --component "$component" --p "$p" --stats-only --export-aiger "$base"
    if [[ $status -eq 0 ]]; then
      aig_cell="$cpu"
      timed acec berkeley-abc -c "&cec $base.spec.aig $base.construction.aig"
      if [[ $status -eq 124 ]]; then acec="timeout (cpu $cpu)"; else acec="$(abc_verdict acec) $cpu"; fi
      timed cec berkeley-abc -c "cec $base.spec.aig $base.construction.aig"
      if [[ $status -eq 124 ]]; then cec="timeout (cpu $cpu)"; else cec="$(abc_verdict cec) $cpu"; fi
    else
      if [[ $status -eq 124 ]]; then aig_cell="timeout (cpu $cpu)"; else aig_cell="exit $status: $(first_error aig)"; fi
      acec="-"
      cec="-"
    fi

    timed cnf "$verify" --component "$component" --p "$p" --stats-only --json --export-cnf "$base.cnf"
    cnf_json=$(grep '^{' "$work/cnf.out" | tail -n 1)
    if [[ $status -eq 0 ]]; then
      cnf_cell="$cpu"
      timed cadical cadical -q "$base.cnf"
      case $status in
        10) cadical="SAT $cpu" ;;
        20) cadical="UNSAT $cpu" ;;
        124) cadical="timeout (cpu $cpu)" ;;
        *) cadical="exit $status: $(first_error cadical)" ;;
      esac
    else
      if [[ $status -eq 124 ]]; then cnf_cell="timeout (cpu $cpu)"; else cnf_cell="exit $status: $(first_error cnf)"; fi
      cadical="-"
    fi
    rm -f "$base".*

    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$component" "$p" "$ours" "$ours_cpu" \
      "$json" "$aig_cell" "$acec" "$cec" "$cnf_cell" "$cadical" "$cnf_json" >>"$results"
  done
done

python3 - "$results" "$limit" <<'PYTHON'
import json
import sys

print(f"CPU seconds (user + sys) per process; limit {sys.argv[2]} s wall per run.")
print("verify: our SAT engine; ABC and CaDiCaL on the files verify exported (export time apart).")
print()
header = ["component", "p", "verify --engine sat", "AIGER export", "ABC &cec", "ABC cec",
          "CNF export (vars/clauses)", "CaDiCaL on miter CNF"]
print("| " + " | ".join(header) + " |")
print("|" + "---|" * len(header))
with open(sys.argv[1]) as records:
    for line in records:
        (component, p, ours, ours_cpu, text, aig, acec, cec, cnf, cadical,
         cnf_text) = line.rstrip("\n").split("\t")
        if not ours:
            report = json.loads(text)
            ours = f"{report.get('verdict')} {ours_cpu}"
        if cnf_text:
            size = json.loads(cnf_text).get("miter_cnf") or {}
            if size:
                cnf = f"{cnf} ({size.get('variables')}/{size.get('clauses')})"
        print(f"| {component} | {p} | {ours} | {aig} | {acec} | {cec} | {cnf} | {cadical} |")
PYTHON
