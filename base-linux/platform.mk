#
# Build hook of the Linux platform (read by tool/mk/toolchain.mk).
#
# Every component is a host process, linked statically because core starts
# it in an empty root without a dynamic loader (doc/sandbox.md). The host
# compiler builds every architecture listed here; x86_32 needs
# gcc-multilib (tool/install_deps).
#

PLATFORM_CC := gcc

ARCHS        := x86_64 x86_32
ARCH_DEFAULT := x86_64

# the run tool's have_spec answers from these (tool/run --arch)
SPECS_x86_64 := x86 x86_64 64bit
SPECS_x86_32 := x86 x86_32 32bit

# -m64 too: a compiler whose default target is i386 still builds x86_64
ARCH_CFLAGS_x86_64 := -m64
ARCH_CFLAGS_x86_32 := -m32

# every i386 program static, unit tests too: the hosts that run them (the
# i386 VM of 'make test', qemu-i386) have no i386 C library to load
ARCH_LDFLAGS_x86_32 := -static

# the sanitizers and libFuzzer are built for the host's own ABI only
ARCH_NO_VARIANTS_x86_32 := san fuzz

# Programs on the host's shared libraries (HOST_LIBS, e.g. SDL2 for a
# driver with <host-access>, doc/sandbox.md) are built for the host's own
# ABI only: Debian's i386 SDL2 is not installed, and the i386 VM of 'make
# test' has no X server to draw to.
HOST_LIBS_ARCHS := x86_64

# Libraries this platform does not provide, and modules it cannot build:
# a module that needs one of them (directly or through a library) is left
# out of this platform's build. Linux provides and builds everything.
PLATFORM_LACKS :=
PLATFORM_OMIT  :=
