#!/usr/bin/env bash
#
# tool/rpcgen self-test.
#
# 1. Golden files: the headers generated from the test interface
#    tests/include/rpc_test/rpc_test.rpc must equal the checked-in ones in
#    tests/rpcgen/expected/rpc_test/*.golden, so every change of the
#    generated code shows up in review (named .golden so that clang-format
#    leaves them alone). After an intended change, refresh them with
#      tool/rpcgen -o "$d" tests/include/rpc_test/rpc_test.rpc &&
#      for f in rpc.h client.h server.h; do mv "$d/$f" "$d/$f.golden"; done
#    where d=tests/rpcgen/expected/rpc_test
# 2. Error messages: every tests/rpcgen/bad/*.rpc starts with a line
#    "# expect: LINE: MESSAGE"; the generator must fail with exactly
#    "FILE:LINE: error: MESSAGE" and write nothing.
#
set -u
cd "$(dirname "$0")/../.."

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

if ! tool/rpcgen -o "$tmp/gen" tests/include/rpc_test/rpc_test.rpc; then
	echo "FAIL: rpcgen refuses the test interface"
	fail=1
fi
for f in rpc.h client.h server.h; do
	if ! diff -u "tests/rpcgen/expected/rpc_test/$f.golden" "$tmp/gen/$f"; then
		echo "FAIL: generated $f differs from the golden file"
		fail=1
	else
		echo "ok: $f matches the golden file"
	fi
done

for src in tests/rpcgen/bad/*.rpc; do
	expect=$(sed -n '1s/^# expect: //p' "$src")
	# LINE: MESSAGE -> FILE:LINE: error: MESSAGE
	want="$src:${expect%%: *}: error: ${expect#*: }"
	got=$(tool/rpcgen -o "$tmp/bad" "$src" 2>&1)
	rc=$?
	if [ $rc -ne 1 ] || [ "$got" != "$want" ] || [ -e "$tmp/bad" ]; then
		echo "FAIL: $src: exit $rc"
		echo "  want: $want"
		echo "  got:  $got"
		fail=1
	else
		echo "ok: $src"
	fi
done

if tool/rpcgen >/dev/null 2>&1; then
	echo "FAIL: rpcgen without arguments succeeds"
	fail=1
fi
exit $fail
