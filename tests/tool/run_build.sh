#!/usr/bin/env bash
#
# tool/run self-test: the build verbs. An unknown module and a binary
# missing from the boot image are build failures (exit 252); --skip-build
# skips 'build'; a real module builds into the given build directory.
#
. "$(dirname "$0")/run_lib.bash"

make_core 'echo "[init] up"; sleep 30'

run_tool 'build "no-such-module-xyz"
puts "NOT REACHED"'
check_rc 252 "build of an unknown module"
check_has "$ERR" "Error: build of 'no-such-module-xyz' failed" "the failed build is reported"
check_lacks "$OUT" "NOT REACHED" "the run script stops after a failed build"

run_tool 'build "no-such-module-xyz"
puts "AFTER BUILD"' --skip-build
check_rc 0 "--skip-build skips the build"
check_has "$OUT" "AFTER BUILD" "the run script goes on with --skip-build"

run_tool 'build "util base/util"
puts "LIB=[file exists [build_dir]/lib/libutil.a]"' --quiet
check_rc 0 "build of a real module (by name and by directory)"
check_has "$OUT" "LIB=1" "the library lands in the given build directory"

run_tool 'create_boot_directory
build_boot_image "core init test-missing"
puts "NOT REACHED"'
check_rc 252 "build_boot_image with missing binaries"
check_has "$ERR" "missing in $TMP/build/bin: init, test-missing" "the missing binaries are named"
check_lacks "$OUT" "NOT REACHED" "the run script stops at the missing binary"

run_tool 'create_boot_directory
build_boot_image "core"
run_genode_until {\[init\] up} 5
puts "NOT REACHED"' --platform no-such-platform
check_rc 253 "booting on a platform without a build hook"
check_has "$ERR" "platform 'no-such-platform' cannot be built" "the platform is named"
check_has "$ERR" "base-no-such-platform/platform.mk is missing" "make's reason is shown"
check_lacks "$OUT" "NOT REACHED" "nothing of the script runs"

finish
