#!/usr/bin/env bash
#
# tool/run self-test: core ends before the awaited output appears. The run
# must stop at once with exit 250 and say how core ended.
#
. "$(dirname "$0")/run_lib.bash"

script='create_boot_directory
build_boot_image core
run_genode_until {never printed} 10
puts "NOT REACHED"'

make_core 'echo "about to fail"; exit 3'
run_tool "$script"
check_rc 250 "core exits with status 3 before the regexp"
check_has "$ERR" "Error: core exited with status 3 before the expected output appeared" "exit status is reported"
check_has "$ERR" "for: never printed" "the awaited regexp is named"
check_has "$ERR" "| about to fail" "core's last output is shown"
check_lacks "$OUT" "NOT REACHED" "the run script stops"
check_time 0 8000 "the run ends without waiting for the 10 s timeout"

make_core 'echo "crashing"; kill -SEGV $$'
run_tool "$script" --quiet
check_rc 250 "core killed by a signal"
check_has "$ERR" "core was killed by signal SIGSEGV" "the signal is named"

make_core 'echo "bye"; exit 0'
run_tool "$script" --quiet
check_rc 250 "core exits with status 0 before the regexp"
check_has "$ERR" "core exited with status 0" "status 0 is reported too"

# the awaited line is core's last words: that is a success
make_core 'echo "child \"test\" exited with exit value 0"; exit 0'
run_tool 'create_boot_directory
build_boot_image core
run_genode_until {exited with exit value 0} 10'
check_rc 0 "regexp in the last output before core exits"

# no core in the boot image
make_core 'exit 0'
run_tool 'create_boot_directory
run_genode_until {x} 10'
check_rc 252 "boot directory without core"
check_has "$ERR" "no 'core' in the boot directory" "missing core is reported"

finish
