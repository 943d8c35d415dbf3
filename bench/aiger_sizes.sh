#!/usr/bin/env bash
# The AIGER export of every component (issue #20): for each component and p, the time of
# `verify --component C --p P --stats-only --export-aiger BASE` and what it wrote: the AND gates
# (from each file's header) and the file sizes of BASE.construction.aig, BASE.spec.aig and
# BASE.miter.aig.
#
# Usage: bench/aiger_sizes.sh [path/to/verify]
#   LIMIT       CPU seconds per run (default 60); WALL wall-clock seconds (default 3 x LIMIT)
#   COMPONENTS  default: all of `verify --list`
#   WIDTHS      default: 4 8 (a p above a component's range is replaced by its largest p, marked
#               "(max)"; the SSM components stop at p = 4, 5 or 6)
set -uo pipefail

verify=$(realpath "${1:-build/verify}")
limit=${LIMIT:-60}
wall_limit=${WALL:-$((3 * limit))}
widths=${WIDTHS:-4 8}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[[ -x $verify ]] || { echo "aiger_sizes: no verify binary at $verify" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "aiger_sizes: needs GNU time (/usr/bin/time)" >&2; exit 2; }
# The component names: the lines of `verify --list` that start in column 0, after its header.
components=${COMPONENTS:-$("$verify" --list | awk 'NR > 1 && /^[^ ]/ { print $1 }')}

# "ANDs / KB" of one binary AIGER file: the header is "aig M I L O A".
aig_cell() {
  if [[ -f $1 ]]; then
    local ands
    ands=$(head -c 200 "$1" | head -1 | awk '{print $6}')
    echo "$ands / $(($(stat -c %s "$1") / 1024)) KB"
  else
    echo "-"
  fi
}

echo "aiger_sizes: LIMIT=${limit} CPU s (WALL=${wall_limit} s) per run, started $(date -u)"
echo "uptime: $(uptime)"
echo
echo "| component | p | result | wall s | CPU s | peak RSS MB | construction ANDs / size | spec ANDs / size | miter ANDs / size |"
echo "|---|---|---|---|---|---|---|---|---|"
# The largest p a component accepts, from its `--p LO..HI` in `verify --list`.
largest_p() {
  "$verify" --list | awk -v c="$1" '$1 == c && match($0, /--p [0-9]+\.\.[0-9]+/) {
    split(substr($0, RSTART + 4, RLENGTH - 4), range, /\.\./); print range[2] }'
}

for c in $components; do
  pmax=$(largest_p "$c")
  done_widths=" "
  for p in $widths; do
    label=$p
    if [[ -n $pmax ]] && ((p > pmax)); then
      p=$pmax label="$pmax (max)"
    fi
    [[ $done_widths == *" $p "* ]] && continue
    done_widths+="$p "
    rm -f "$work"/x.* "$work"/.x.*
    (
      ulimit -t "$limit"
      exec timeout -k 10 "$wall_limit" /usr/bin/time -f '%e %U %S %M' -o "$work/time" \
        "$verify" --component "$c" --p "$p" --stats-only --export-aiger "$work/x" \
        >"$work/out" 2>"$work/err"
    )
    status=$?
    if [[ $status -eq 0 ]]; then
      result="written"
    elif [[ $status -eq 124 ]]; then
      result="timeout (${wall_limit} s of wall-clock time)"
    elif [[ $status -eq 137 || $status -eq 152 ]] || grep -q 'CPU time limit' "$work/time" 2>/dev/null; then
      result="timeout (${limit} s of CPU time)"
    else
      result="exit $status: $(head -1 "$work/err" | cut -c1-90)"
    fi
    if read -r wall user sys rss < <(tail -1 "$work/time" 2>/dev/null) && [[ $wall =~ ^[0-9.]+$ ]]; then
      cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f", u + s }')
      mem=$(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }')
    else
      wall="-" cpu="-" mem="-"
    fi
    echo "| $c | $label | $result | $wall | $cpu | $mem | $(aig_cell "$work/x.construction.aig") | $(aig_cell "$work/x.spec.aig") | $(aig_cell "$work/x.miter.aig") |"
  done
done
echo
echo "finished $(date -u); uptime: $(uptime)"
