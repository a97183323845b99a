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

# Libraries this platform does not provide, and modules it cannot build:
# a module that needs one of them (directly or through a library) is left
# out of this platform's build. Linux provides and builds everything (but
# host libraries on x86_32, below).
PLATFORM_LACKS :=
PLATFORM_OMIT  :=

# Host libraries a host driver links dynamically (fb_sdl: SDL2 from
# Debian's libsdl2-dev). Such a program runs only outside the sandbox's
# empty root, where the host's loader and libraries are (doc/gui.md). On
# x86_32 every program is static and the hosts that run them have no i386
# libraries, so drivers needing one are not built there.
PLATFORM_HOST_LIBS_x86_64 := sdl2

# 'make run' (tool/mk/run.mk): the GUI demo where fb_sdl is built
PLATFORM_RUN_DEFAULT_x86_64 := demo
PLATFORM_HOST_LIBS_x86_32 :=
