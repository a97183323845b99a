#!/usr/bin/env bash
#
# tool/run self-test: run-script helpers (specs, append_if, lappend_if,
# directories), install_config's well-formedness check, several includes,
# and how errors in a script or on the command line are reported (251).
#
. "$(dirname "$0")/run_lib.bash"

run_tool 'assert_spec no_such_spec
puts "NOT REACHED"'
check_rc 0 "assert_spec with an unknown spec"
check_has "$OUT" "Test requires 'no_such_spec'" "the missing spec is named"
check_lacks "$OUT" "NOT REACHED" "the run script stops"

run_tool 'assert_spec linux
foreach s {linux x86_64 x86 64bit no_such_spec} { puts "SPEC $s=[have_spec $s]" }
set a "x"
append_if [have_spec linux] a "-linux"
append_if [have_spec no_such_spec] a "-none"
set l {core}
lappend_if [have_spec linux] l init test-log
lappend_if 0 l never
puts "A=$a L=$l"
puts "DIRS [genode_dir] [build_dir] [run_dir] [run_name]"
puts "EXEC=[exec echo shell step]"'
check_rc 0 "helpers"
[ "$(uname -m)" = x86_64 ] && check_has "$OUT" "SPEC x86_64=1" "x86_64 is a spec on this machine"
check_has "$OUT" "SPEC linux=1" "linux is a spec of the linux platform"
check_has "$OUT" "SPEC no_such_spec=0" "an unknown spec is absent"
check_has "$OUT" "A=x-linux L=core init test-log" "append_if and lappend_if"
check_has "$OUT" "DIRS $ROOT $TMP/build $TMP/build/var/run/t t" "genode_dir, build_dir, run_dir, run_name"
check_has "$OUT" "EXEC=shell step" "Tcl's exec"

run_tool 'install_config {
<config>
	<!-- a comment with <tags> -->
	<parent-provides> <service name="LOG"/> </parent-provides>
	<start name="test" caps="100"><resource name="RAM" quantum="1M"/>
		<config><arg value="a > b"/></config>
	</start>
</config>
}
puts "CONFIG=[file exists [run_dir]/config]"'
check_rc 0 "install_config with a well-formed config"
check_has "$OUT" "CONFIG=1" "the config file is written"

bad_config() { # <config text> <expected message> <what>
	run_tool "install_config {$1}
puts \"NOT REACHED\""
	check_rc 251 "$3"
	check_has "$ERR" "$2" "$3: message"
}
bad_config '
<config>
	<start name="a">
	</stat>
</config>' "line 4: </stat> does not match <start> of line 3" "mismatched end tag"
bad_config '
<config>
	<start name="a">
</config>' "line 4: </config> does not match <start> of line 3" "unclosed inner tag"
bad_config '
<config>
	<start name="a"/>' "line 2: <config> is never closed" "unclosed top-level tag"
bad_config '
<config>
	<start name=a/>
</config>' "line 3: <start>: malformed attribute" "unquoted attribute"
bad_config '<config/>
<config/>' "line 2: second top-level element <config>" "two top-level elements"
bad_config '
<config>
</config>
</config>' "line 4: </config> without a start tag" "stray end tag"

# Genode's published nested_config has a surplus </service> after a
# self-closed <service/>: skipped with a warning, as init does
run_tool 'install_config {
<config>
	<route>
		<service name="SIGNAL"/> <parent/> </service>
	</route>
</config>}
puts "INSTALLED"'
check_rc 0 "stray end tag that closes nothing"
check_has "$OUT" "INSTALLED" "stray end tag: config installed"
check_has "$OUT" "line 4: stray </service> ignored" "stray end tag: warning names the line"

printf 'set order "first"\n' >"$TMP/first.run"
printf 'append order " second"\nputs "ORDER=$order"\n' >"$TMP/t.run"
RC=0
"$RUN_TOOL" --build-dir "$TMP/build" --include "$TMP/first.run" --include "$TMP/t.run" \
	</dev/null >"$TMP/stdout" 2>"$TMP/stderr" || RC=$?
OUT=$(cat "$TMP/stdout")
check_rc 0 "--include first.run --include t.run"
check_has "$OUT" "ORDER=first second" "includes are sourced in order"
check_has "$OUT" "Run script 't' completed successfully." "the name defaults to the last include"

run_tool 'puts "before"
no_such_command 1 2
puts "NOT REACHED"'
check_rc 251 "a Tcl error in the run script"
check_has "$ERR" 'invalid command name "no_such_command"' "the Tcl error is shown"
check_lacks "$OUT" "NOT REACHED" "the script stops at the error"

run_tool 'run_genode_until {x} soon'
check_rc 251 "run_genode_until with a bad timeout"
check_has "$ERR" "the timeout must be a number of seconds" "the bad timeout is reported"

run_tool 'exit 3'
check_rc 3 "a run script's own exit code is kept"

run_tool 'puts hi' --no-such-option
check_rc 251 "an unknown option"
check_has "$ERR" "unknown option '--no-such-option'" "the option is named"

RC=0
"$RUN_TOOL" --name t --include "$TMP/none.run" </dev/null >"$TMP/stdout" 2>"$TMP/stderr" || RC=$?
ERR=$(cat "$TMP/stderr")
check_rc 251 "a missing run script"
check_has "$ERR" "run script '$TMP/none.run' not found" "the missing file is named"

finish
