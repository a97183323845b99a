#!/usr/bin/env bash
#
# tool/run self-test: nothing the stand-in core started may outlive the run,
# whether the run succeeds, times out, core dies first, or the run tool is
# interrupted. The stand-in starts a plain background child, one that
# ignores SIGTERM and SIGHUP, one in a new session and an orphaned grandchild.
#
. "$(dirname "$0")/run_lib.bash"

make_core "sleep 300 & echo \$! >>'$PIDS'
(trap '' TERM HUP; sleep 301 & echo \$! >>'$PIDS'; wait) & echo \$! >>'$PIDS'
setsid sleep 302 & echo \$! >>'$PIDS'
(sleep 303 & echo \$! >>'$PIDS') &
sleep 0.2
echo \"[init] ready\"
\${CORE_END:-sleep 300}"

boot='create_boot_directory
build_boot_image core
'

run_tool "$boot"'run_genode_until {\[init\] ready} 5' --quiet
check_rc 0 "run succeeds with background children"
check_no_leftovers "no process left after a successful run"

run_tool "$boot"'run_genode_until {never printed} 1' --quiet
check_rc 254 "run times out with background children"
check_no_leftovers "no process left after a timeout"

CORE_END="exit 7" run_tool "$boot"'run_genode_until {never printed} 10' --quiet
check_rc 250 "core exits while its children hold the terminal"
check_has "$ERR" "core exited with status 7" "core's exit is seen although children live on"
check_time 0 8000 "core's exit is noticed without waiting for the timeout"
check_no_leftovers "no process left after core exited"

run_tool "$boot"'run_genode_until {\[init\] ready} 5
exec kill -TERM [pid]
after 10000' --quiet
check_rc 143 "run tool interrupted by SIGTERM"
check_has "$ERR" "interrupted by SIGTERM" "the interruption is reported"
check_no_leftovers "no process left after an interrupted run"

run_tool "$boot"'run_genode_until {\[init\] ready} 5
run_genode_until {\[init\] ready} 5' --quiet
check_rc 0 "booting twice in one run"
check_no_leftovers "the first boot is ended before the second"

finish
