# Shared by the bench scripts (source it after setting `limit` and `work`).
#
# timed NAME COMMAND...: runs COMMAND under the limit, its stdout and stderr in $work/NAME.out and
# $work/NAME.err; sets `status` (124 on timeout) and `cpu` (user + sys seconds).
timed() {
  local name=$1 user sys
  shift
  local TIMEFORMAT='%U %S'
  { time timeout -k 10 "$limit" "$@" >"$work/$name.out" 2>"$work/$name.err"; } 2>"$work/$name.time"
  status=$?
  read -r user sys <"$work/$name.time"
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
}
