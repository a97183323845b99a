#!/usr/bin/env bash
#
# Capability types do not convert into each other: each mistaken variant
# of tests/unit/cap_types/should_not_compile.c must be refused by the
# compiler, and the correct variant must compile (else the test proves
# nothing). Uses $CC, default gcc.
#
set -u
cd "$(dirname "$0")/../.."

src=tests/unit/cap_types/should_not_compile.c
cc=${CC:-gcc}
flags=(-fsyntax-only -std=c11 -Wall -Wextra -Werror -Ibase-linux/include -Iinclude)
fail=0

if ! "$cc" "${flags[@]}" -DVARIANT=0 "$src"; then
	echo "FAIL: the correct variant does not compile"
	fail=1
fi
for v in 1 2 3 4; do
	if "$cc" "${flags[@]}" -DVARIANT=$v "$src" 2>/dev/null; then
		echo "FAIL: variant $v compiles, capability types mix"
		fail=1
	else
		echo "ok: variant $v refused"
	fi
done
exit $fail
