#!/usr/bin/env bash
#
# make check-porting refuses each defect it guards against, planted in a
# scratch tree: a symbol generic objects take from the platform that the
# porting page does not name (or names only in prose), a platform-neutral
# C file under base-linux/, a generic object made from a base-linux
# header. The clean scratch tree must pass, else the check proves nothing,
# and so must assembly for one CPU, which is not generic either;
# make test checks the real tree as its own step (check/porting).
#
set -u
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
mkdir -p "$tmp/obj/base/gen" "$tmp/obj/base-linux/plat" "$tmp/base-linux/plat"

# a generic object that needs two functions, one of which a generic object defines itself
cat >"$tmp/gen.c" <<'C'
void porting_selftest_fn(void);
void porting_selftest_own(void);
void porting_selftest_use(void);
void porting_selftest_use(void) { porting_selftest_fn(); porting_selftest_own(); }
void porting_selftest_own(void) {}
C
# the platform defines both; its source knows Linux
cat >"$tmp/base-linux/plat/plat.c" <<'C'
#include <sys/socket.h>
void porting_selftest_fn(void);
void porting_selftest_fn(void) { (void)socket(0, 0, 0); }
void porting_selftest_own(void);
void porting_selftest_own(void) {}
C
gcc -c -o "$tmp/obj/base/gen/gen.o" "$tmp/gen.c"
gcc -c -o "$tmp/obj/base-linux/plat/plat.o" "$tmp/base-linux/plat/plat.c"
echo "obj/base/gen/gen.o: base/gen/gen.c include/base/status.h" >"$tmp/obj/base/gen/gen.d"
printf '# Porting\n\n- `void\n  porting_selftest_fn(void)`: does it (a span may wrap).\n' >"$tmp/porting.md"

porting() {
	make --no-print-directory check-porting PORTING_ROOT="$tmp" PORTING_DOC="$tmp/porting.md" \
		PORTING_OBJ_ROOT="$tmp/obj" \
		PORTING_OBJS="$tmp/obj/base/gen/gen.o $tmp/obj/base-linux/plat/plat.o" 2>&1
}

if ! out=$(porting); then
	echo "FAIL: the clean scratch tree is refused: $out"
	fail=1
elif ! grep -q "check-porting: 1 symbols" <<<"$out"; then
	echo "FAIL: the clean scratch tree does not count its one symbol: $out"
	fail=1
else
	echo "ok: clean scratch tree passes ($out)"
fi

refused() { # $1: what was planted, $2: the line that must name it
	if out=$(porting); then
		echo "FAIL: $1 passes check-porting"
		fail=1
	elif ! grep -qF "$2" <<<"$out"; then
		echo "FAIL: $1 refused without '$2': $out"
		fail=1
	else
		echo "ok: $1 refused"
	fi
}

cp "$tmp/porting.md" "$tmp/good.md"
printf '# Porting\n\nNothing to write.\n' >"$tmp/porting.md"
refused "an undocumented symbol" \
	"check-porting: porting_selftest_fn (used by base/gen/gen.o, defined in base-linux) is not named"
printf '# Porting\n\nThe platform writes porting_selftest_fn.\n' >"$tmp/porting.md"
refused "a symbol named in prose only" "check-porting: porting_selftest_fn (used by"
cp "$tmp/good.md" "$tmp/porting.md"

printf '#include <stddef.h>\n#include <base/status.h>\nstatus_t neutral_fn(size_t n);\nstatus_t neutral_fn(size_t n) { return n ? STATUS_OK : STATUS_DENIED; }\n' \
	>"$tmp/base-linux/plat/neutral.c"
refused "a platform-neutral file in base-linux" \
	"check-porting: $tmp/base-linux/plat/neutral.c is platform-neutral"
rm "$tmp/base-linux/plat/neutral.c"

# code for one CPU knows no kernel but cannot be generic either: it stays
printf '__asm__(".text\\n.globl sp_only\\nsp_only:\\n\\tpushl %%ebp\\n\\tpopl %%ebp\\n\\tretl\\n");\n' \
	>"$tmp/base-linux/plat/i386_only.c"
if ! out=$(porting); then
	echo "FAIL: i386-only assembly counts as platform-neutral: $out"
	fail=1
else
	echo "ok: i386-only assembly stays in base-linux"
fi
rm "$tmp/base-linux/plat/i386_only.c"

echo "obj/base/gen/gen.o: base/gen/gen.c base-linux/include/base/x_linux.h" >"$tmp/obj/base/gen/gen.d"
refused "a generic object made from a base-linux header" \
	"check-porting: base/gen/gen.o (generic) is made from base-linux/include/base/x_linux.h"
exit $fail
