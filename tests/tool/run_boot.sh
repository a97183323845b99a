#!/usr/bin/env bash
#
# tool/run self-test: booting a stand-in core that prints the awaited line,
# with live output, --quiet, continuation and --timeout-factor.
#
. "$(dirname "$0")/run_lib.bash"

make_core 'echo "stand-in core in $(pwd)"
echo "[init] config: $(tr -d "\n" <config)"
printf "[init -> test] first\n[init -> test] step 1\n"
sleep 0.3
echo "[init -> test] step 2"
echo "[init -> test] done"
echo "[init -> test] after done"
sleep 30'

script='create_boot_directory
install_config {<config><start name="test"/></config>}
build_boot_image "core"
run_genode_until {\[init -> test\] done\n} 5
puts "CR=[string first "\r" $output]"
puts "LAST=[lindex [split [string trim $output] "\n"] end]"
puts "FIRST=[lindex [split $output "\n"] 0]"'

run_tool "$script"
check_rc 0 "stand-in core prints the awaited line"
check_has "$OUT" "Run script 't' completed successfully." "success line at the end of the run"
check_has "$OUT" "[init -> test] step 2" "core's output is shown live on stdout"
check_has "$OUT" "stand-in core in $TMP/build/var/run/t" "core runs in the boot directory"
check_has "$OUT" '[init] config: <config><start name="test"/></config>' "install_config wrote <boot dir>/config"
check_has "$OUT" "CR=-1" "output holds no carriage returns"
check_has "$OUT" "LAST=[init -> test] done" "output ends with the match"
check_has "$OUT" "FIRST=stand-in core in" "output starts with core's first line"
check_time 250 10000 "run ends right after the match, not after core's 30 s sleep"
if [ -L "$TMP/build/var/run/t/core" ]; then
	pass "boot directory holds a link to bin/core"
else
	fail "boot directory holds a link to bin/core"
fi

run_tool "$script" --quiet
check_rc 0 "--quiet run"
check_lacks "$OUT" "step 2" "--quiet hides core's output"
check_has "$OUT" "Run script 't' completed successfully." "--quiet keeps the success line"

run_tool "$script" --verbose
check_rc 0 "--verbose run"
check_has "$OUT" "run: core started, pid" "--verbose reports the steps"

run_tool 'create_boot_directory
build_boot_image core
run_genode_until {step 1} 5
puts "ONE=<[string trim $output]>"
run_genode_until {done} 5 [output_spawn_id]
puts "TWO=<[string trim $output]>"' --quiet
check_rc 0 "run_genode_until continuing with the running core"
check_has "$OUT" "ONE=<stand-in core" "first wait sees the start"
check_has "$OUT" "TWO=<[init -> test] step 2"$'\n'"[init -> test] done>" "second wait sees only the new output"

make_core 'sleep 1.2; echo "late line"; sleep 30'
run_tool 'create_boot_directory
build_boot_image core
run_genode_until {late line} 0.5' --timeout-factor 5
check_rc 0 "--timeout-factor 5 stretches a 0.5 s timeout"

make_core 'echo "interactive scenario"; sleep 0.3; echo "shutting down"; exit 4'
run_tool 'create_boot_directory
build_boot_image core
run_genode_until forever
puts "SEEN=<[string trim $output]>"'
check_rc 0 "run_genode_until forever returns when core exits"
check_has "$OUT" "run: core exited with status 4" "core's end is reported"
check_has "$OUT" "SEEN=<interactive scenario"$'\n'"shutting down>" "output holds all of core's output"

finish
