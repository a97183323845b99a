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
#      for f in rpc.h client.h server.h fuzz.h; do mv "$d/$f" "$d/$f.golden"; done
#    where d=tests/rpcgen/expected/rpc_test
#    The fuzz table and its seed corpus, made from the test interface and
#    tests/include/bench_session, must equal tests/rpcgen/expected/
#    fuzz_table/{table.h,corpus}.golden (corpus.golden: one line per seed
#    file, its name and its bytes in hex); refresh them the same way.
# 2. Error messages: every tests/rpcgen/bad/*.rpc starts with a line
#    "# expect: LINE: MESSAGE"; the generator must fail with exactly
#    "FILE:LINE: error: MESSAGE" and write nothing.
#
set -u
export LC_ALL=C
cd "$(dirname "$0")/../.."

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

if ! tool/rpcgen -o "$tmp/gen" tests/include/rpc_test/rpc_test.rpc; then
	echo "FAIL: rpcgen refuses the test interface"
	fail=1
fi
for f in rpc.h client.h server.h fuzz.h; do
	if ! diff -u "tests/rpcgen/expected/rpc_test/$f.golden" "$tmp/gen/$f"; then
		echo "FAIL: generated $f differs from the golden file"
		fail=1
	else
		echo "ok: $f matches the golden file"
	fi
done

# the dispatch fuzzer's table and seeds
golden=tests/rpcgen/expected/fuzz_table
if ! tool/rpcgen --fuzz-table "$tmp/table" --corpus "$tmp/corpus" \
	tests/include/rpc_test/rpc_test.rpc tests/include/bench_session/bench_session.rpc; then
	echo "FAIL: rpcgen --fuzz-table refuses the test interfaces"
	fail=1
fi
if ! diff -u "$golden/table.h.golden" "$tmp/table/table.h"; then
	echo "FAIL: generated table.h differs from the golden file"
	fail=1
else
	echo "ok: table.h matches the golden file"
fi
seeds=$(cd "$tmp/corpus" && for f in *; do echo "$f $(od -An -tx1 -v "$f" | tr -d ' \n')"; done)
if ! diff -u "$golden/corpus.golden" - <<<"$seeds"; then
	echo "FAIL: generated seed corpus differs from the golden file"
	fail=1
else
	echo "ok: seed corpus matches the golden file ($(wc -l <<<"$seeds") seeds)"
fi
if tool/rpcgen --fuzz-table "$tmp/dup" tests/include/rpc_test/rpc_test.rpc \
	tests/include/rpc_test/rpc_test.rpc >/dev/null 2>&1; then
	echo "FAIL: rpcgen --fuzz-table takes an interface twice"
	fail=1
else
	echo "ok: an interface given twice is refused"
fi
if tool/rpcgen --fuzz-table "$tmp/none" >/dev/null 2>&1; then
	echo "FAIL: rpcgen --fuzz-table without interfaces succeeds"
	fail=1
fi

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
