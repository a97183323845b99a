#!/usr/bin/env bash
#
# make check-portable refuses generic code that needs a hosted header:
# a file that includes <stdio.h> or <sys/socket.h> must be named, a file
# with only the compiler's freestanding headers must pass (else the check
# proves nothing), and so must the tree (make test runs that as its own
# step).
#
set -u
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

portable() { # $1: one source file as the whole of generic code
	make --no-print-directory check-portable GENERIC_SRC="$1" GENERIC_HDR= 2>&1
}

cat >"$tmp/ok.c" <<'C'
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
uint64_t ok_sum(const uint32_t *v, size_t n);
uint64_t ok_sum(const uint32_t *v, size_t n)
{
	uint64_t s = 0;
	for (size_t i = 0; i < n; i++)
		s += v[i];
	return s;
}
C
if ! out=$(portable "$tmp/ok.c"); then
	echo "FAIL: a freestanding file is refused: $out"
	fail=1
fi

for hdr in stdio.h sys/socket.h string.h; do
	printf '#include <%s>\nint bad_%s;\n' "$hdr" "${hdr//[\/.]/_}" >"$tmp/bad.c"
	if out=$(portable "$tmp/bad.c"); then
		echo "FAIL: <$hdr> passes check-portable"
		fail=1
	elif ! grep -q "check-portable: $tmp/bad.c is not portable" <<<"$out"; then
		echo "FAIL: <$hdr> refused without naming the file: $out"
		fail=1
	else
		echo "ok: <$hdr> refused"
	fi
done
exit $fail
