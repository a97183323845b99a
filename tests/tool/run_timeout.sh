#!/usr/bin/env bash
#
# tool/run self-test: the awaited output never appears. The run must end
# with exit 254 within the timeout plus a few seconds, name the regexp and
# show the tail of core's output; --timeout-factor stretches the timeout.
#
. "$(dirname "$0")/run_lib.bash"

make_core 'for i in $(seq 1 30); do echo "core line $i"; done
sleep 60'

script='create_boot_directory
build_boot_image core
run_genode_until {never printed} 2
puts "NOT REACHED"'

run_tool "$script"
check_rc 254 "regexp never appears"
check_has "$ERR" "Error: Test execution timed out" "timeout is reported"
check_has "$ERR" "for: never printed" "the awaited regexp is named"
check_has "$ERR" "| core line 30" "last line of output is shown"
check_has "$ERR" "| core line 11" "20th line from the end is shown"
check_lacks "$ERR" "| core line 10" "only the tail of the output is shown"
check_lacks "$OUT" "NOT REACHED" "the run script stops at the timeout"
check_time 1900 6000 "the run ends within timeout plus a few seconds"

run_tool "$script" --timeout-factor 0.5
check_rc 254 "timeout with --timeout-factor 0.5"
check_has "$ERR" "(2 s x timeout factor 0.5)" "the factor is reported"
check_time 900 5000 "--timeout-factor 0.5 halves the 2 s timeout"

make_core 'echo "silent from here on"; exec sleep 60'
run_tool 'create_boot_directory
build_boot_image core
run_genode_until {.*never} 1' --quiet
check_rc 254 "timeout with a core that stays silent"
check_has "$ERR" "| silent from here on" "its only line is shown"

finish
