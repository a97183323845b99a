# Shared helpers of the tool/run self-tests (tests/tool/run_*.sh); sourced.
#
# Each test gets a scratch build directory $TMP/build whose bin/core is a
# stand-in written by make_core, runs tool/run on a run script given as
# text, and checks exit code, output and timing with the check_* helpers.
# Background processes a stand-in starts append their pids to $PIDS.

set -u
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RUN_TOOL=$ROOT/tool/run
TMP=$(mktemp -d "${TMPDIR:-/tmp}/run-selftest.XXXXXX")
PIDS=$TMP/pids
: >"$PIDS"
mkdir -p "$TMP/build/bin"
checks=0
failures=0

run_lib_cleanup() {
	# end what a stand-in left behind, should the tool have failed to
	local p
	while read -r p; do
		[ -n "$p" ] || continue
		tr '\0' '\n' 2>/dev/null <"/proc/$p/environ" | grep -qxF "RUN_SELFTEST_ID=$TMP" &&
			kill -KILL "$p" 2>/dev/null
	done <"$PIDS"
	rm -rf "$TMP"
}
trap run_lib_cleanup EXIT

# make_core <shell commands>: the stand-in core for the next runs
make_core() {
	printf '#!/bin/bash\nexport RUN_SELFTEST_ID=%s\n%s\n' "$TMP" "$1" >"$TMP/build/bin/core"
	chmod +x "$TMP/build/bin/core"
}

# run_tool <run-script text> [tool options...]: runs tool/run without a
# terminal; sets RC, MS (wall time), OUT (stdout), ERR (stderr)
run_tool() {
	local script=$1
	shift
	printf '%s\n' "$script" >"$TMP/t.run"
	local t0 t1
	t0=$(date +%s%N)
	setsid -w "$RUN_TOOL" --name t --platform linux --build-dir "$TMP/build" \
		--include "$TMP/t.run" "$@" </dev/null >"$TMP/stdout" 2>"$TMP/stderr"
	RC=$?
	t1=$(date +%s%N)
	MS=$(((t1 - t0) / 1000000))
	OUT=$(cat "$TMP/stdout")
	ERR=$(cat "$TMP/stderr")
}

pass() {
	checks=$((checks + 1))
	echo "ok   $1"
}

fail() {
	checks=$((checks + 1))
	failures=$((failures + 1))
	echo "FAIL $1"
	echo "     exit code $RC, ${MS} ms; stdout:"
	sed 's/^/     | /' "$TMP/stdout"
	echo "     stderr:"
	sed 's/^/     | /' "$TMP/stderr"
}

check_rc() { # <expected exit code> <what>
	if [ "$RC" = "$1" ]; then pass "$2 (exit $1)"; else fail "$2: expected exit $1"; fi
}

check_has() { # <text> <fixed string> <what>
	if grep -qF -- "$2" <<<"$1"; then pass "$3"; else fail "$3: missing '$2'"; fi
}

check_lacks() { # <text> <fixed string> <what>
	if grep -qF -- "$2" <<<"$1"; then fail "$3: unexpected '$2'"; else pass "$3"; fi
}

check_time() { # <min ms> <max ms> <what>
	if [ "$MS" -ge "$1" ] && [ "$MS" -le "$2" ]; then
		pass "$3 (${MS} ms)"
	else
		fail "$3: took ${MS} ms, expected $1..$2 ms"
	fi
}

# every pid recorded in $PIDS is gone (zombies do not count)
check_no_leftovers() { # <what>
	local p left=""
	sleep 0.2
	while read -r p; do
		[ -n "$p" ] || continue
		# a live process of this test (pids are reused quickly on a busy machine)
		if tr '\0' '\n' 2>/dev/null <"/proc/$p/environ" | grep -qxF "RUN_SELFTEST_ID=$TMP"; then
			left="$left $p"
		fi
	done <"$PIDS"
	if [ -z "$left" ] && [ -s "$PIDS" ]; then
		pass "$1 ($(wc -l <"$PIDS") background processes ended)"
	elif [ -z "$left" ]; then
		fail "$1: the stand-in recorded no background processes"
	else
		fail "$1: still running:$left ($(ps -o pid=,args= -p "${left# }" | tr '\n' ';'))"
	fi
	: >"$PIDS"
}

finish() {
	echo "$((checks - failures)) of $checks checks passed"
	[ "$failures" = 0 ]
}
