#!/usr/bin/env bash
#
# tool/run self-test: grep_output, unify_output and compare_output_to, on
# a preset 'output' and on the output of a stand-in core.
#
. "$(dirname "$0")/run_lib.bash"

preset='set output "Genode stand-in\r
\[init -> test\] step 1 took 13 ms\r
noise\r
  \[init -> test\] step 2 took 7 ms   \r
\[init\] child \"test\" exited with exit value 0\r
"
grep_output {\[init -> test\]}
unify_output {took [0-9]+ ms} "took <n> ms"
puts "GREP=<$output>"
'

run_tool "$preset"'compare_output_to {
	[init -> test] step 1 took <n> ms

	[init -> test] step 2 took <n> ms
}'
check_rc 0 "matching compare_output_to"
check_has "$OUT" "Test succeeded" "a match prints 'Test succeeded'"
check_has "$OUT" "GREP=<[init -> test] step 1 took <n> ms"$'\n'"  [init -> test] step 2 took <n> ms   "$'\n'">" \
	"grep_output keeps the matching lines without CR, unify_output rewrites them"

run_tool "$preset"'compare_output_to {
	[init -> test] step 1 took <n> ms
	[init -> test] step 3 took <n> ms
}
puts "NOT REACHED"'
check_rc 255 "mismatching compare_output_to"
check_has "$ERR" "Error: output differs from the expected lines" "the mismatch is reported"
check_has "$ERR" "  [init -> test] step 1 took <n> ms" "common lines are listed"
check_has "$ERR" "- [init -> test] step 3 took <n> ms" "the expected-only line is marked '-'"
check_has "$ERR" "+ [init -> test] step 2 took <n> ms" "the seen-only line is marked '+'"
check_lacks "$OUT" "Test succeeded" "no success on a mismatch"
check_lacks "$OUT" "NOT REACHED" "a mismatch ends the run"

run_tool "$preset"'compare_output_to {
	[init -> test] step 1 took <n> ms
}'
check_rc 255 "compare_output_to with a missing expected line"
check_has "$ERR" "+ [init -> test] step 2 took <n> ms" "the extra seen line is listed"

run_tool 'set output "a\nb\nc\n"
grep_output {^x}
puts "EMPTY=<$output>"
compare_output_to {}'
check_rc 0 "grep_output without matches leaves an empty output"
check_has "$OUT" "EMPTY=<>" "the output is empty"

make_core 'echo "[init -> test-log] Hello 0x1f"
echo "[init -> test-log] value 42"
echo "[init] child \"test-log\" exited with exit value 0"
sleep 30'
run_tool 'create_boot_directory
build_boot_image core
run_genode_until {child "test-log" exited with exit value 0} 5
grep_output {\[init -> test-log\]}
unify_output {0x[0-9a-f]+} "<hex>"
compare_output_to {
	[init -> test-log] Hello <hex>
	[init -> test-log] value 42
}' --quiet
check_rc 0 "compare_output_to on core's output"
check_has "$OUT" "Test succeeded" "core's output matches"

finish
