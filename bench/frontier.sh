#!/usr/bin/env bash
# The proof frontier (issue #16): for each component, the largest p that `verify` proves within
# LIMIT seconds of CPU time on this machine, and why it stops there.
#
# The limit is on CPU time (ulimit -t), not wall-clock time, so that a run on a shared machine
# measures the proof and not the other load: one proof uses one core, so on a quiet machine its
# wall time is its CPU time. A run also stops after WALL seconds of wall-clock time.
#
# Usage: bench/frontier.sh [path/to/verify]
#   LIMIT       CPU seconds per run (default 600: the issue's 10-minute frontier)
#   WALL        wall-clock seconds per run (default 3 x LIMIT)
#   COMPONENTS  default: fadd fmul int-mul fdiv
#   WIDTHS      the p tried, in rising order (default: 8 10 12 14 16 20 24 28 32); a component
#               stops at the first p that is not proved (timeout, memory limit, error) or that its
#               p range does not allow (the reason is printed either way)
#   ARGS        extra verify arguments (default: none, i.e. the user's command with its lemmas;
#               e.g. ARGS="--engine sat")
#
# Prints one table row per run: verdict, wall and CPU seconds, peak resident memory (GNU time).
set -uo pipefail

verify=$(realpath "${1:-build/verify}")
limit=${LIMIT:-600}
wall_limit=${WALL:-$((3 * limit))}
components=${COMPONENTS:-fadd fmul int-mul fdiv}
widths=${WIDTHS:-8 10 12 14 16 20 24 28 32}
args=${ARGS:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[[ -x $verify ]] || { echo "frontier: no verify binary at $verify" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "frontier: needs GNU time (/usr/bin/time)" >&2; exit 2; }

echo "frontier: LIMIT=${limit} CPU s (WALL=${wall_limit} s) per run, ARGS='${args}', $(nproc) cores, started $(date -u)"
echo "uptime: $(uptime)"
echo
echo "| component | p | verdict | wall s | CPU s | peak RSS MB |"
echo "|---|---|---|---|---|---|"
for c in $components; do
  for p in $widths; do
    # shellcheck disable=SC2086  # ARGS is a list of words
    (
      ulimit -t "$limit"
      exec timeout -k 10 "$wall_limit" /usr/bin/time -f '%e %U %S %M' -o "$work/time" \
        "$verify" --component "$c" --p "$p" $args >"$work/out" 2>"$work/err"
    )
    status=$?
    verdict=$(sed -n 's/^verdict *//p' "$work/out" | head -1)
    if [[ $status -eq 124 ]]; then
      verdict="timeout (no verdict in ${wall_limit} s of wall-clock time)"
    elif [[ $status -eq 137 || $status -eq 152 ]] || grep -q 'CPU time limit' "$work/time" 2>/dev/null; then
      verdict="timeout (no verdict in ${limit} s of CPU time)"
    elif [[ -z $verdict ]]; then
      verdict="exit $status: $(grep -v '^verify: obligation' "$work/err" | head -1 | cut -c1-100)"
    fi
    if [[ -s $work/time ]] && read -r wall user sys rss < <(tail -1 "$work/time") &&
      [[ $wall =~ ^[0-9.]+$ ]]; then
      cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f", u + s }')
      mem=$(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }')
    else
      wall=$limit cpu="-" mem="-"
    fi
    echo "| $c | $p | $verdict | $wall | $cpu | $mem |"
    [[ $verdict == PROVED* ]] || break
  done
done
echo
echo "finished $(date -u); uptime: $(uptime)"
