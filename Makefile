#
# Genode/C top-level build: one non-recursive GNU make over every target.mk.
#
# make [PLATFORM=linux]        build everything into build/<platform>/
# make <module>                build one program, library or test by name
# make run                     boot the default scenario (run/default.run)
# make run/<name>              boot run/<name>.run
# make test                    run every test; last line "N passed, N failed"
# make test-stressed           the same while busy loops keep every core at
#                              100 % (tool/stress); also 'make test STRESS=1'
# make test-mach               the GNU Mach platform's tests (under way)
# make bench                   every benchmark, figures beside same-run baselines
# make bench-mach              GNU Mach's figures in guest instructions (QEMU -icount)
# make fuzz [FUZZ_SECONDS=n]   run every libFuzzer target for n seconds each
# make check-portable          compile generic code as i386 freestanding
# make format                  reformat all sources with clang-format
#
# Variants (used by 'make test'): SAN=1 builds with ASan+UBSan into
# build/<platform>/san, CC=clang builds into build/<platform>/clang.
#

PLATFORM ?= linux
export PLATFORM

include tool/mk/toolchain.mk
include tool/mk/modules.mk
include tool/mk/ports.mk
include tool/mk/rules.mk
include tool/mk/gfx.mk
include demo/scout/docs/docs.mk
include tool/mk/checks.mk
include tool/mk/run.mk

.PHONY: test test-stressed test-mach bench-mach fuzz deps
deps:
	@tool/install_deps $(filter mach,$(PLATFORM))

# STRESS=1: the time bounds of the tests must hold on a loaded machine
test: deps
	@$(if $(filter-out 0,$(STRESS)),tool/stress --) tool/test_all

test-stressed: deps
	@tool/stress -- tool/test_all

# the GNU Mach platform's tests so far (doc/platform-mach.md)
test-mach:
	@tool/test_mach

# the GNU Mach platform's figures, counted in guest instructions under
# QEMU's -icount (doc/platform-mach.md, "Measured")
bench-mach:
	@tool/bench_mach

FUZZ_SECONDS ?= 600
fuzz: deps
	@$(MAKE) --no-print-directory FUZZING=1 fuzzers
	@for f in $(BUILD)/fuzz/fuzz/*; do tool/fuzz_one $$f $(FUZZ_SECONDS) || exit 1; done

# every benchmark prints its figures beside baselines measured in the same run
# (bench-spawn boots core, init and its components from build/<plat>/bin;
# bench-gui does too, in an Xvfb of its own, and skips itself without Xvfb)
.PHONY: bench
bench: benches programs
	@for b in $(BUILD)/bench/*; do echo "== $$(basename $$b)"; $$b || exit 1; done
