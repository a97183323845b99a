#!/usr/bin/env bash
#
# Build self-test: the per-platform hook base-<p>/platform.mk.
#
# - a platform without a hook stops with one error naming the missing file;
# - ARCH is checked against the hook's list, each arch has its own build
#   directory, and variants an arch cannot build are refused;
# - a scratch platform 'toy' (in a copy of the tree) that lacks every
#   Linux library builds exactly the kernel-independent modules, names why
#   the others are left out, still refuses a misspelt library, and rpcgen
#   sees its include directory;
# - the run tool takes its specs from the hook of the platform and
#   architecture built, not from the host CPU.
#
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/build-platform.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
checks=0
failures=0

pass() { checks=$((checks + 1)); echo "ok   $1"; }
fail() {
	checks=$((checks + 1)); failures=$((failures + 1))
	echo "FAIL $1"; sed 's/^/     | /' "$TMP/out"
}

# mk <dir> <make args...>: run make quietly there; sets RC, output in $TMP/out
mk() {
	local dir=$1; shift
	make -C "$dir" --no-print-directory -s "$@" >"$TMP/out" 2>&1 </dev/null
	RC=$?
}
expect_rc() { if [ "$RC" "$1" 0 ]; then pass "$2"; else fail "$2: exit $RC"; fi; }
has()   { if grep -qF -- "$1" "$TMP/out"; then pass "$2"; else fail "$2: missing '$1'"; fi; }
lacks() { if grep -qF -- "$1" "$TMP/out"; then fail "$2: unexpected '$1'"; else pass "$2"; fi; }
lines() { if [ "$(grep -c . "$TMP/out")" = "$1" ]; then pass "$2"; else fail "$2: not $1 line(s)"; fi; }

# ------------------------------------------------------------ the real tree
mk "$ROOT" PLATFORM=nosuch print-modules
expect_rc -ne "a platform without a hook does not build"
has "base-nosuch/platform.mk is missing" "the error names the missing hook"
lines 1 "one error, not one per module"
lacks "unknown library" "no error about a library of another platform"

mk "$ROOT" ARCH=sparc print-arch
expect_rc -ne "an architecture the hook does not list"
has "builds the architectures 'x86_64 x86_32', not 'sparc'" "the error lists the hook's architectures"

mk "$ROOT" print-arch print-build-dir print-specs
expect_rc -eq "the default architecture"
has "x86_64" "the hook's ARCH_DEFAULT"
has "build/linux" "the default architecture keeps build/linux"
has "linux x86 x86_64 64bit" "specs of x86_64"

mk "$ROOT" ARCH=x86_32 print-build-dir print-specs
has "build/linux_x86_32" "x86_32 builds into build/linux_x86_32"
has "linux x86 x86_32 32bit" "specs of x86_32"
mk "$ROOT" ARCH=x86_32 CC=clang print-build-dir
has "build/linux_x86_32/clang" "the clang variant of x86_32"
mk "$ROOT" ARCH=x86_32 SAN=1 print-build-dir
expect_rc -ne "SAN is not built for x86_32"
has "the san variant is not built for x86_32" "the refusal names the variant"

mk "$ROOT" ARCH=x86_32 -B -n core
expect_rc -eq "make ARCH=x86_32 core"
has "-m32" "the i386 build compiles with the hook's -m32"
has "base-linux/arch/x86_32/" "the i386 build takes the x86_32 arch files"
lacks "base-linux/arch/x86_64/" "and not the x86_64 ones"

# a program on the host's shared libraries (HOST_LIBS): dynamic, x86_64 only
mk "$ROOT" print-modules
has "TARGET test-host_access" "an SDL2 program is built for x86_64"
mk "$ROOT" -B -n test-host_access
lacks "-static" "it is linked dynamically"
has "-lSDL2" "against the host's SDL2"
mk "$ROOT" ARCH=x86_32 print-modules
if grep -qx "TARGET test-host_access" "$TMP/out"; then
	fail "test-host_access is built for x86_32"
else
	pass "and left out of the x86_32 build"
fi
mk "$ROOT" ARCH=x86_32 test-host_access
expect_rc -ne "make ARCH=x86_32 test-host_access"
has "module 'test-host_access' is not built for platform 'linux': it needs host library sdl2 on x86_32" \
	"the reason names the host's library and the architecture"

# a host driver (HOST_LIBS): dynamic with the host's SDL2 on x86_64 only
mk "$ROOT" ARCH=x86_32 fb_sdl
expect_rc -ne "no fb_sdl in the i386 build"
has "module 'fb_sdl' is not built for platform 'linux': it needs host library sdl2 on x86_32" \
	"the reason names the host library and the architecture"
mk "$ROOT" -B -n fb_sdl
has "-isystem /usr/include/SDL2" "fb_sdl compiles with pkg-config's flags for SDL2"
has "-lSDL2" "fb_sdl links the host's SDL2"
lacks " -static " "fb_sdl is linked dynamically"
mk "$ROOT" -B -n test-framebuffer
has " -static " "a component next to it stays static"

# ------------------------------------------------ a scratch platform 'toy'
TREE=$TMP/tree
mkdir -p "$TREE"
(cd "$ROOT" && git ls-files -co --exclude-standard -z | xargs -0 cp --parents -t "$TREE")
mkdir -p "$TREE/base-toy/include/toy_ping"
cat >"$TREE/base-toy/platform.mk" <<'MK'
PLATFORM_CC    := gcc
ARCHS          := toyarch
ARCH_DEFAULT   := toyarch
SPECS_toyarch  := toyspec 32bit
PLATFORM_LACKS := ipc lock_platform thread_platform signal sandbox process_platform component_platform \
                  timer_platform libc_platform \
                  test_fault rpc_raw_peer
PLATFORM_OMIT  := test-avl
MK
cat >"$TREE/base-toy/include/toy_ping/toy_ping.rpc" <<'RPC'
interface toy_ping
version 1
method ping(in u32 value, out u32 echo)
RPC

mk "$TREE" PLATFORM=toy print-modules
expect_rc -eq "make PLATFORM=toy print-modules"
has "UNIT_TEST test-xml" "a module without platform libraries is built for toy"
has "LIB util" "generic libraries are built for toy"
lacks "test-ipc" "a module needing a lacking library is left out"
has "UNIT_TEST test-init_config" "init's config parser is kernel-independent"
lacks "TARGET init" "init is left out (it needs component)"
lacks "test-avl" "a module the hook omits is left out"
lacks "core_generic" "core's generic part is left out (it needs signal, ipc)"

mk "$TREE" PLATFORM=toy test-ipc
expect_rc -ne "make PLATFORM=toy test-ipc"
has "module 'test-ipc' is not built for platform 'toy': it needs ipc" "the reason names the lacking library"
has "base-toy/platform.mk" "and the hook that says so"

mk "$TREE" PLATFORM=toy -j2 test-xml rpc-headers
expect_rc -eq "a toy module builds"
if [ -x "$TREE/build/toy/test/test-xml" ] && "$TREE/build/toy/test/test-xml" | grep -q " 0 failed"; then
	pass "the toy build of test-xml runs and passes"
else
	fail "the toy build of test-xml does not run"
fi
if [ -f "$TREE/build/toy/gen/include/toy_ping/client.h" ]; then
	pass "rpcgen sees base-toy/include"
else
	fail "rpcgen left out base-toy/include"
fi

printf 'LIB := misspelt\nSRC_C := a.c\nLIBS := utill\n' >"$TREE/base/util/misspelt.mk.tmp"
mkdir -p "$TREE/base/misspelt" && mv "$TREE/base/util/misspelt.mk.tmp" "$TREE/base/misspelt/target.mk"
mk "$TREE" PLATFORM=toy print-modules
expect_rc -ne "a misspelt library is still an error on toy"
has "base/misspelt/target.mk: unknown library 'utill'" "the error names the target.mk"
rm -r "$TREE/base/misspelt"

# the run tool: specs from the hook, for the platform and arch built
printf 'foreach s {toyspec 32bit x86 x86_64 64bit} { puts "SPEC $s=[have_spec $s]" }\n' >"$TMP/s.run"
run_specs() { # <tree> <tool/run options...>
	local tree=$1; shift
	"$tree/tool/run" --name s --build-dir "$TMP/runbuild" --include "$TMP/s.run" "$@" \
		</dev/null >"$TMP/out" 2>&1
	RC=$?
}
run_specs "$TREE" --platform toy
expect_rc -eq "tool/run --platform toy"
has "SPEC toyspec=1" "the toy hook's spec"
has "SPEC 32bit=1" "the toy hook's 32bit"
has "SPEC x86=0" "the host CPU's x86 is no spec of toy"
has "SPEC x86_64=0" "the host CPU's x86_64 is no spec of toy"
# a platform the build knows but the run tool cannot boot (no run::toy)
printf 'create_boot_directory\nputs "NOT REACHED"\n' >"$TMP/boot.run"
"$TREE/tool/run" --name b --platform toy --build-dir "$TMP/runbuild" --include "$TMP/boot.run" \
	</dev/null >"$TMP/out" 2>&1
RC=$?
if [ "$RC" = 253 ]; then pass "booting toy: exit 253"; else fail "booting toy: exit $RC"; fi
has "platform 'toy' is not supported by the run tool" "the run tool names the platform it cannot boot"
lacks "NOT REACHED" "the script stops there"

run_specs "$ROOT" --platform linux --arch x86_32
has "SPEC x86=1" "linux x86_32: x86"
has "SPEC 32bit=1" "linux x86_32: 32bit"
has "SPEC x86_64=0" "linux x86_32: not x86_64, whatever the host"
has "SPEC 64bit=0" "linux x86_32: not 64bit"
run_specs "$ROOT" --platform nosuch
if [ "$RC" = 253 ]; then pass "tool/run --platform nosuch: exit 253"; else fail "tool/run --platform nosuch: exit $RC"; fi
has "base-nosuch/platform.mk is missing" "the run tool shows make's reason"

echo "$((checks - failures)) of $checks checks passed"
[ "$failures" = 0 ]
