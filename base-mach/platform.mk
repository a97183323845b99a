#
# Build hook of the GNU Mach platform (read by tool/mk/toolchain.mk).
#
# GNU Mach 1.8 from Debian runs i386 tasks only (doc/platform-mach.md).
# Every program is freestanding: there is no C library on Mach's side, so
# generic code (already compiled -ffreestanding by 'make check-portable')
# links against base-mach's own runtime: the system-call traps, the string
# functions gcc may call, and the stubs MIG generates from the kernel's
# interface definitions (base-mach/mig.mk). The kernel's headers and MIG
# come from Debian's i386 packages, unpacked into build/mach-sdk by
# 'tool/install_deps mach'.
#

PLATFORM_CC := gcc

ARCHS        := x86_32
ARCH_DEFAULT := x86_32

SPECS_x86_32 := x86 x86_32 32bit

MACH_SDK     := build/mach-sdk
MACH_INCLUDE := $(MACH_SDK)/usr/include/i386-linux-gnu
MACH_FREE    := $(shell gcc -m32 -print-file-name=include)

# freestanding i386: only the compiler's own headers and the kernel's
ARCH_CFLAGS_x86_32 := -m32 -march=i686 -ffreestanding -fno-pic -fno-pie -fno-stack-protector \
                      -fno-builtin-malloc -nostdinc -isystem $(MACH_FREE) -isystem $(MACH_INCLUDE)
# _start lives in the runtime library (base-mach/rt): named here so that
# the linker takes it from the archive
ARCH_LDFLAGS_x86_32 := -nostdlib -static -no-pie -Wl,-u,_start -Wl,-e,_start
LDLIBS += -lgcc

ARCH_NO_VARIANTS_x86_32 := san fuzz clang

# scenarios boot in QEMU's TCG, about 10 times slower than natively on a
# loaded machine (a boot alone is 3.5 s idle, up to 60 s with both cores
# busy): the run scripts' waits, made for Linux, get that factor
RUN_TIMEOUT_FACTOR := 10

# hosted libraries: the unit-test harness, the benchmarks' measuring and
# Linux's sandbox; the C runtime's platform part (doc/libc.md: not yet on Mach)
PLATFORM_LACKS := harness bench_measure sandbox libc_platform
# a Linux program the spawn benchmark compares with; the timer benchmark's
# clients and baseline are host threads (pthreads, clock_nanosleep)
PLATFORM_OMIT  := bench-spawn-static-line bench-timer
# lwIP is compiled against a C library's headers (libports/lwip/include/
# arch/cc.h): the freestanding build has none (doc/net.md)
PLATFORM_OMIT  += lwip lwip_sys

# what the generic rules take from base-mach/rules.mk (MIG's stubs):
# headers made before any object, include paths, libraries linked last
MIG_GEN    = $(BUILD)/gen/mig
MIG_USER   := mach/mach.defs:mach mach/mach_port.defs:mach_port mach/mach_host.defs:mach_host \
              mach/gnumach.defs:gnumach mach/i386/mach_i386.defs:mach_i386 device/device.defs:device \
              mach/mach4.defs:mach4
MIG_SERVER := mach/exc.defs:exc mach/memory_object.defs:memory_object mach/notify.defs:notify \
              mach/memory_object_default.defs:memory_object_default
mig_name    = $(word 2,$(subst :, ,$(1)))
PLATFORM_GEN_HEADERS = $(foreach d,$(MIG_USER),$(MIG_GEN)/mach_gen/$(call mig_name,$(d)).h) \
                       $(foreach d,$(MIG_SERVER),$(MIG_GEN)/mach_gen/$(call mig_name,$(d))_S.h)
PLATFORM_INC_DIRS    = $(MIG_GEN) $(MACH_INCLUDE)
PLATFORM_LDLIBS      = $(BUILD)/lib/libmach_rt.a $(BUILD)/lib/libmig_server.a $(BUILD)/lib/libmig.a
