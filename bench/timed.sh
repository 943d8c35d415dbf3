# Shared by the bench scripts (source it after setting `limit` and `work`).
#
# timed NAME COMMAND...: runs COMMAND under the limit, its stdout and stderr in $work/NAME.out and
# $work/NAME.err; sets `status` and `cpu` (user + sys seconds).
#   Without `wall_limit` set, `limit` is wall-clock seconds (status 124 past it).
#   With `wall_limit` set, `limit` is CPU seconds (ulimit -t: the load of other jobs does not eat
#   a run's share; status 137 or 152 past it) and `wall_limit` a wall-clock cap (status 124).
#   With `memory_gib` set, the run's address space is capped there (ulimit -v); `verify` then
#   reports a clean out-of-memory error (exit 3), other tools whatever they do on a failed
#   allocation.
[[ -x /usr/bin/time ]] || { echo "timed.sh: needs GNU time (/usr/bin/time)" >&2; exit 2; }

timed() {
  local name=$1 user sys
  shift
  # GNU time outside `timeout`: it reports the CPU seconds of the run however it ended.
  local run=(/usr/bin/time -f '%U %S' -o "$work/$name.time" timeout -k 10)
  (
    if [[ -n ${memory_gib:-} ]]; then
      ulimit -v "$(awk -v g="$memory_gib" 'BEGIN { printf "%d", g * 1024 * 1024 }')"
    fi
    if [[ -n ${wall_limit:-} ]]; then
      ulimit -t "$limit"
      exec "${run[@]}" "$wall_limit" "$@"
    fi
    exec "${run[@]}" "$limit" "$@"
  ) >"$work/$name.out" 2>"$work/$name.err"
  status=$?
  read -r user sys < <(tail -n 1 "$work/$name.time")
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
}

# Whether the last `timed` run was stopped by the CPU limit: SIGXCPU, or SIGKILL once it had used
# the limit (a SIGKILL before that came from elsewhere).
cpu_limited() {
  [[ -n ${wall_limit:-} ]] &&
    { [[ $status -eq 152 ]] || { [[ $status -eq 137 ]] && awk -v c="$cpu" -v l="$limit" 'BEGIN { exit !(c >= l - 1) }'; }; }
}
