#!/usr/bin/env bash
#
# Self-test of the QEMU VM runner (tool/vm_linux) and of the run tool's
# target qemu: an i386 program runs in the VM and its output and exit
# status come back; --timeout ends a VM that hangs; a scenario's stand-in
# core is matched on the VM's console, target_exec/target_read/core_pid
# look into the guest, and core's exit status comes back to the run tool.
# Five VM boots, ~1 min under TCG.
#
. "$(dirname "$0")/run_lib.bash"

VM=$ROOT/tool/vm_linux

# an i386 program (static: the guest has no i386 libc), which this host's
# kernel refuses; in the VM it prints its pointer size and exits with 7
mkdir -p "$TMP/pack"
printf '#include <stdio.h>\nint main(void) { printf("i386 here, %%zu-byte pointers\\n", sizeof(void *)); return 7; }\n' \
	>"$TMP/hello32.c"
if ! gcc -m32 -static -o "$TMP/pack/hello32" "$TMP/hello32.c" 2>"$TMP/stderr"; then
	RC=$? MS=0
	: >"$TMP/stdout"
	fail "gcc -m32 -static builds the i386 test program"
	# a target the platform has no boot path for
run_tool 'create_boot_directory' --target nosuch
check_rc 253 "an unknown target is refused"
check_has "$ERR" "platform 'linux' cannot boot on target 'nosuch'" "the target is named"

finish
	exit
fi
echo "packed data" >"$TMP/pack/data"

# vm_run <vm_linux args...>: sets RC, MS, OUT, ERR like run_tool
vm_run() {
	local t0 t1
	t0=$(date +%s%N)
	"$VM" "$@" </dev/null >"$TMP/stdout" 2>"$TMP/stderr"
	RC=$?
	t1=$(date +%s%N)
	MS=$(((t1 - t0) / 1000000))
	OUT=$(cat "$TMP/stdout")
	ERR=$(cat "$TMP/stderr")
}

vm_run --pack "$TMP/pack" --cwd "$TMP/pack" --timeout 600 -- sh -c \
	'pwd; cat data; grep -c " /sys/fs/cgroup/memory cgroup " /proc/mounts; ./hello32; echo "hello32 exit $?"; exit 3'
check_rc 3 "vm_linux exits with the command's status"
check_has "$OUT" "$TMP/pack" "the command runs in --cwd, at the host's path"
check_has "$OUT" "packed data" "a packed file is there"
check_has "$OUT" "i386 here, 4-byte pointers" "an i386 process runs in the VM"
check_has "$OUT" "hello32 exit 7" "its exit status is seen"
check_lacks "$OUT" "Linux version" "no kernel messages in the command's output"
if [ "$(sed -n 3p "$TMP/stdout")" = 1 ]; then pass "cgroup v1 memory at /sys/fs/cgroup/memory"; else
	fail "cgroup v1 memory at /sys/fs/cgroup/memory"; fi

vm_run --timeout 20 -- sleep 1000
check_rc 124 "vm_linux --timeout ends a VM that does not end"
check_has "$ERR" "timed out after 20 s" "the timeout is named"
check_time 15000 60000 "it ends near the timeout"

# a scenario in the VM: the stand-in core prints, waits, then exits with
# the status the run script writes into the guest
printf '#!/bin/sh\necho "core up as $$"\nwhile [ ! -e /tmp/end ]; do sleep 0.1; done\necho "core ends"\nexit $(cat /tmp/end)\n' \
	>"$TMP/build/bin/core"
chmod +x "$TMP/build/bin/core"
run_tool 'create_boot_directory
build_boot_image core
run_genode_until {core up as (\d+)\n} 60
regexp {core up as (\d+)} $output -> guest_pid
puts "pid [expr {[core_pid] == $guest_pid}]"
puts "cmdline [string map {"\0" " "} [target_read /proc/[core_pid]/cmdline]]"
puts "echo <[target_exec echo "it'"'"'s \$HOME" "two
lines"]>"
puts "fails [catch {target_exec sh -c {echo oops; exit 5}} err opts] [lindex [dict get $opts -errorcode] 2] $err"
puts "host [expr {[file exists /tmp/end] ? "shared" : "separate"}]"
target_exec sh -c {echo 3 >/tmp/end}
run_genode_until {never printed} 60 -cont' --target qemu --skip-build
check_rc 250 "core's exit in the VM ends the run"
check_has "$ERR" "core exited with status 3" "core's exit status comes back from the VM"
check_has "$ERR" "| core ends" "core's last output is shown"
check_has "$OUT" "pid 1" "core_pid is core's pid in the guest"
check_has "$OUT" "cmdline /bin/sh ./core" "target_read reads the guest's files"
check_has "$OUT" "echo <it's \$HOME two
lines>" "target_exec passes words unchanged, quotes and newlines too"
check_has "$OUT" "fails 1 5 oops" "a failing target_exec raises an error with its status and output"
check_has "$OUT" "host separate" "target_exec runs in the guest, not on the host"

# core ending at once, maybe before the run tool saw the VM boot
printf '#!/bin/sh\nexit 4\n' >"$TMP/build/bin/core"
run_tool 'create_boot_directory
build_boot_image core
run_genode_until {never printed} 10' --target qemu --skip-build
check_rc 250 "core exiting at once in the VM ends the run"
check_has "$ERR" "core exited with status 4" "its status comes back"
check_time 0 120000 "no wait for a boot that ended"

# the same script natively: the verbs look at this machine
printf '#!/bin/sh\necho "core up as $$"\nsleep 30\n' >"$TMP/build/bin/core"
run_tool 'create_boot_directory
build_boot_image core
run_genode_until {core up as (\d+)\n} 10
regexp {core up as (\d+)} $output -> pid
puts "pid [expr {[core_pid] == $pid}] [target_exec sh -c {echo $PPID}]"
puts "native [expr {[target_read /proc/$pid/cmdline] eq [exec cat /proc/$pid/cmdline]}]"'
check_rc 0 "natively the run succeeds"
check_has "$OUT" "pid 1" "natively core_pid is core's pid"
check_has "$OUT" "native 1" "natively target_read reads this machine"

# a target the platform has no boot path for
run_tool 'create_boot_directory' --target nosuch
check_rc 253 "an unknown target is refused"
check_has "$ERR" "platform 'linux' cannot boot on target 'nosuch'" "the target is named"

finish
