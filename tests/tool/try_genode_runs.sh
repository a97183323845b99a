#!/usr/bin/env bash
#
# tool/try_genode_runs self-test: a script from a "Genode checkout" runs
# with only the binary-name map applied (whole words), is judged by
# tool/run's exit status, and a missing script fails; the summary counts.
#
. "$(dirname "$0")/run_lib.bash"
TRY=$ROOT/tool/try_genode_runs

mkdir -p "$TMP/genode/repos/os/run"
cat >"$TMP/genode/repos/os/run/names.run" <<'SCRIPT'
set b "test-rom_blk test-rom_blkx"
if {$b ne "test-blk test-rom_blkx"} { puts "names: $b"; exit -1 }
puts "names mapped"
SCRIPT

try() { # <args...>: sets RC, OUT
	OUT=$("$TRY" --build-dir "$TMP/build" "$@" </dev/null 2>&1)
	RC=$?
	printf '%s\n' "$OUT" >"$TMP/stdout"
	: >"$TMP/stderr"
}

try --map test-rom_blk=test-blk "$TMP/genode" repos/os/run/names.run
check_rc 0 "a script with the map applied"
check_has "$OUT" "PASS repos/os/run/names.run" "reported as passed"
check_has "$OUT" "1 passed, 0 failed" "summary"
check_has "$(cat "$TMP/build/genode_runs/names.log")" "names mapped" "the run's log is kept"

try "$TMP/genode" repos/os/run/names.run repos/os/run/missing.run
check_rc 1 "without the map, and a missing script"
check_has "$OUT" "FAIL repos/os/run/names.run (exit 255" "tool/run's status decides"
check_has "$OUT" "FAIL repos/os/run/missing.run (no such script)" "a missing script fails"
check_has "$OUT" "0 passed, 2 failed" "summary counts both"
check_has "$(cat "$TMP/genode/repos/os/run/names.run")" 'set b "test-rom_blk' "the checkout is untouched"

finish
