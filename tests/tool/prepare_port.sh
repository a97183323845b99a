#!/usr/bin/env bash
#
# Self-test of tool/prepare_port (doc/ports.md), offline: a scratch tree
# with musl's description and the package files downloaded already.
#
# - a download that passes the checks is unpacked, our overlay laid over;
# - a tarball changed by one byte is refused with its name;
# - a .dsc whose SHA256 is not the pinned one is refused;
# - a patch that does not apply stops it with the patch's name, and no
#   half-prepared tree is left marked ready.
#
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/prepare-port.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
checks=0
failures=0
pass() { checks=$((checks + 1)); echo "ok   $1"; }
fail() {
	checks=$((checks + 1)); failures=$((failures + 1))
	echo "FAIL $1"; sed 's/^/     | /' "$TMP/out"
}

# the package files: the build's download if there is one (the real tree's
# build/contrib/musl is never touched: a build may be using it), else fetched
mkdir -p "$TMP/files"
cp "$ROOT"/build/contrib/download/musl_* "$TMP/files/" 2>/dev/null

scratch() {
	rm -rf "$TMP/tree"
	mkdir -p "$TMP/tree/tool" "$TMP/tree/build/contrib/download"
	cp "$ROOT/tool/prepare_port" "$TMP/tree/tool/"
	cp -r "$ROOT/libports" "$TMP/tree/"
	cp "$TMP"/files/musl_* "$TMP/tree/build/contrib/download/" 2>/dev/null
}

scratch
"$TMP/tree/tool/prepare_port" musl >"$TMP/out" 2>&1 || { cat "$TMP/out"; echo "cannot prepare musl at all"; exit 1; }
cp "$TMP"/tree/build/contrib/download/musl_* "$TMP/files/"
prep() { PREPARE_PORT_OFFLINE=1 "$TMP/tree/tool/prepare_port" musl >"$TMP/out" 2>&1; }

scratch
if prep && [ -f "$TMP/tree/build/contrib/musl/.prepared" ] &&
	grep -q libc_syscall_dispatch "$TMP/tree/build/contrib/musl/arch/generic/syscall_dispatch.h"; then
	pass "a checked download is prepared, the overlay laid over"
else
	fail "a checked download is prepared, the overlay laid over"
fi

scratch
printf x >>"$TMP/tree/build/contrib/download/musl_1.2.3.orig.tar.gz"
if ! prep && grep -q "musl_1.2.3.orig.tar.gz: SHA256 differs" "$TMP/out"; then
	pass "a changed tarball is refused by name"
else
	fail "a changed tarball is refused by name"
fi

scratch
sed -i 's/^PORT_DSC_SHA256=.*/PORT_DSC_SHA256=0000/' "$TMP/tree/libports/musl/port"
if ! prep && grep -q "dsc: SHA256 differs" "$TMP/out"; then
	pass "a .dsc other than the pinned one is refused"
else
	fail "a .dsc other than the pinned one is refused"
fi

scratch
mkdir -p "$TMP/tree/libports/musl/patches"
printf -- '--- a/nosuch\n+++ b/nosuch\n@@ -1 +1 @@\n-a\n+b\n' >"$TMP/tree/libports/musl/patches/bad.patch"
if ! prep && grep -q "bad.patch does not apply" "$TMP/out" && [ ! -e "$TMP/tree/build/contrib/musl/.prepared" ]; then
	pass "a patch that does not apply stops it, nothing marked ready"
else
	fail "a patch that does not apply stops it, nothing marked ready"
fi

echo "$((checks - failures)) of $checks checks passed"
[ "$failures" = 0 ]
