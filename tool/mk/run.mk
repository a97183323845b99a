#
# Run scenarios: 'make run/<name>' executes run/<name>.run with tool/run,
# 'make run' the default scenario. Exit codes are tool/run's (see there).
#

# 'make run' boots the platform's own default scenario where its hook names
# one for the architecture (Linux x86_64: run/demo.run, the GUI demo, which
# needs the host's SDL2), run/default.run elsewhere
RUN_DEFAULT ?= $(or $(PLATFORM_RUN_DEFAULT_$(ARCH)),default)
RUN_OPT     ?=
# a platform whose scenarios boot in an emulator scales the scripts' waits
# (base-<p>/platform.mk: RUN_TIMEOUT_FACTOR); RUN_OPT may say otherwise
RUN_FACTOR_OPT := $(if $(RUN_TIMEOUT_FACTOR),--timeout-factor $(RUN_TIMEOUT_FACTOR))

.PHONY: run
run: deps
	@tool/run --name $(RUN_DEFAULT) --platform $(PLATFORM) --arch $(ARCH) --build-dir $(BUILD) \
		$(RUN_FACTOR_OPT) $(RUN_OPT) --include run/$(RUN_DEFAULT).run

run/%: deps
	@test -f run/$*.run || { echo "run: no scenario run/$*.run"; exit 1; }
	@tool/run --name $* --platform $(PLATFORM) --arch $(ARCH) --build-dir $(BUILD) \
		$(RUN_FACTOR_OPT) $(RUN_OPT) --include run/$*.run
