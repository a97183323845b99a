#!/usr/bin/env bash
#
# tool/stress self-test: the loops run while the command runs, at the
# command's nice value, the command's exit status comes through, and no
# loop is left behind: after a normal end, after a failing command and
# after a SIGTERM to tool/stress (how CI and a user stop it).
#
set -u
cd "$(dirname "$0")/../.."
passed=0
failed=0
check() { # <condition status> <what>
	if [ "$1" = 0 ]; then
		passed=$((passed + 1)); echo "ok: $2"
	else
		failed=$((failed + 1)); echo "FAIL: $2"
	fi
}

# pids of the loops a tool/stress with pid $1 started (its subshells)
loops_of() { pgrep -P "$1" -f 'tool/stress' || true; }

# the command reports the loops it sees: its parent's other children.
# Output goes to a file: loops left behind would keep a pipe open forever
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
timeout 20 tool/stress -n 3 -- bash -c 'sleep 0.5
	for p in $(pgrep -P $PPID -f tool/stress); do
		echo "loop $p $(ps -o stat=,ni= -p $p)"
	done' >"$tmp" 2>/dev/null
check $? "the command's exit status 0 comes through"
out=$(cat "$tmp")
[ "$(grep -c '^loop [0-9]* R' <<<"$out")" = 3 ]
check $? "-n 3 runs 3 loops, all running"
[ "$(grep '^loop' <<<"$out" | awk '{ print $4 }' | sort -u)" = "$(nice)" ]
check $? "the loops run at our nice value"
sleep 0.3
left=$(pgrep -f 'tool/stress -n 3')
[ -z "$left" ]
check $? "no loop is left after the command's end"
[ -n "$left" ] && kill $left

timeout 20 tool/stress -n 1 -- sh -c 'exit 7' >/dev/null 2>&1
check $([ $? = 7 ]; echo $?) "a failing command's exit status 7 comes through"

tool/stress -n 2 -- sh -c 'sleep 61 & exec sleep 60' >/dev/null 2>&1 &
stress=$!
sleep 0.5
n=$(loops_of "$stress" | wc -l)
kill -TERM "$stress"
wait "$stress"
rc=$?
sleep 0.3
check $([ "$n" -ge 2 ]; echo $?) "2 loops (and the command) ran before SIGTERM (saw $n)"
check $([ $rc = 143 ]; echo $?) "SIGTERM ends tool/stress with 143 (got $rc)"
left=$(pgrep -f 'tool/stress -n 2'; pgrep -x -f 'sleep 6[01]')
[ -z "$left" ]
check $? "after SIGTERM neither a loop nor the command nor its child is left"
[ -n "$left" ] && kill $left

timeout 20 tool/stress -n x -- true >/dev/null 2>&1
check $([ $? = 2 ]; echo $?) "-n x is refused"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
