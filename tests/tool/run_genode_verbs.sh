#!/usr/bin/env bash
#
# tool/run self-test: the verbs of Genode's run tool (run/lib/genode_verbs.tcl),
# the <platform>_<arch> spec, Genode's target paths and the pre-14.08 exit
# pattern, each with Genode's semantics (doc/run_tool.md).
#
. "$(dirname "$0")/run_lib.bash"

run_tool 'puts "INC=[have_include '"$TMP"'/t.run] QEMU=[have_include power_on/qemu]"
puts "SW=[get_cmd_switch --foo] NO=[get_cmd_switch --absent]"
puts "ARG=[get_cmd_arg --bar dflt] MULTI=[get_cmd_arg --multi x] DEF=[get_cmd_arg --none dflt]"' \
	-- --foo --bar 7 --multi a --multi b
check_rc 0 "script arguments after --"
check_has "$OUT" "INC=1 QEMU=0" "have_include: the includes as given, no QEMU natively"
check_has "$OUT" "SW=1 NO=0" "get_cmd_switch"
check_has "$OUT" "ARG=7 MULTI=a b DEF=dflt" "get_cmd_arg: one value, several, default"

run_tool 'puts "SH=[have_installed sh] NONE=[have_installed no-such-program-x]"
puts "PATH=[check_installed sh]"
puts "WS=<[strip_whitespace "  a  b \n"]>"
set output "a\r\n\n\nb\x1b\[31mred\x1b\[0m\n"
trim_lines
filter_out_color_escape_sequences
puts "OUT=[string map {\n |} $output]"
puts "QA=[is_qemu_available]"
puts "REPO=[repository_contains init] NOREPO=<[repository_contains no/such/path]>"
foreach s {linux_x86_64 linux_x86_32} { puts "SPEC $s=[have_spec $s]" }
requires_installation_of no-such-program-x
puts "NOT REACHED"'
check_rc 0 "requires_installation_of a missing program ends the run with success"
check_has "$OUT" "SH=1 NONE=0" "have_installed"
check_has "$OUT" "PATH=/" "check_installed gives a path"
check_has "$OUT" "WS=<a  b>" "strip_whitespace"
check_has "$OUT" "OUT=a|bred|" "trim_lines folds line ends, color escapes filtered"
check_has "$OUT" "QA=0" "is_qemu_available: never for Linux"
check_has "$OUT" "REPO=$ROOT/os NOREPO=<>" "repository_contains"
[ "$(uname -m)" = x86_64 ] && check_has "$OUT" "SPEC linux_x86_64=1" "the combined spec"
check_has "$OUT" "SPEC linux_x86_32=0" "only the architecture built"
check_has "$OUT" "Run script aborted because no-such-program-x is not installed" "named"
check_lacks "$OUT" "NOT REACHED" "the run script stops"

run_tool 'check_installed no-such-program-x
puts "NOT REACHED"'
check_rc 1 "check_installed of a missing program"
check_has "$ERR" "'no-such-program-x' command could be not found" "check_installed names it"

# wait_for_output appends, run_genode_until with -cont replaces
make_core 'echo "[init -> a] one"; sleep 0.2; echo "[init -> a] two"; sleep 0.2
echo "[init] child \"a\" exited with exit value 0"; sleep 30'
run_tool 'create_boot_directory
build_boot_image core
run_genode_until {one\n} 5
wait_for_output {two\n} 5 [output_spawn_id]
puts "BOTH=[regexp {one.*two} $output]"
run_genode_until {child exited with exit value 0} 5 -cont
puts "OLD=[regexp {child "a" exited with exit value 0} $output]"'
check_rc 0 "wait_for_output and the pre-14.08 exit pattern"
check_has "$OUT" "BOTH=1" "wait_for_output keeps what was consumed before"
check_has "$OUT" "OLD=1" "'child exited with exit value 0' matches the named line"

finish
