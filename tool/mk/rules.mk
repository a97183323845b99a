#
# Compile and link rules for the modules found by modules.mk.
#

out_LIB       = $(BUILD)/lib/lib$(1).a
out_TARGET    = $(BUILD)/bin/$(1)
out_UNIT_TEST = $(BUILD)/test/$(1)
out_FUZZ      = $(BUILD)/fuzz/$(1)
out_BENCH     = $(BUILD)/bench/$(1)
module_out    = $(call out_$(KIND_$(1)),$(1))
module_objs   = $(patsubst %.c,$(BUILD)/obj/%.o,$(SRC_$(1)))
module_libs   = $(foreach l,$(call lib_closure,$(LIBS_$(1))),$(call out_LIB,$(l)))

.DEFAULT_GOAL := all
.PHONY: all programs unit-tests benches fuzzers $(ALL_MODULES)

all: programs unit-tests benches
programs:   $(foreach m,$(TARGET_MODULES),$(call out_TARGET,$(m)))
unit-tests: $(foreach m,$(UNIT_TEST_MODULES),$(call out_UNIT_TEST,$(m)))
benches:    $(foreach m,$(BENCH_MODULES),$(call out_BENCH,$(m)))
fuzzers:    $(foreach m,$(FUZZ_MODULES),$(call out_FUZZ,$(m)))

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(MOD_CFLAGS) -MMD -MP -c $< -o $@

link_extra_FUZZ = -fsanitize=fuzzer

define module_rules
$(call module_objs,$(1)): MOD_CFLAGS := $(CC_OPT_$(1))
$(1): $(call module_out,$(1))
ifeq ($(KIND_$(1)),LIB)
$(call module_out,$(1)): $(call module_objs,$(1))
	@mkdir -p $$(@D)
	rm -f $$@ && ar rcs $$@ $$^
else
$(call module_out,$(1)): $(call module_objs,$(1)) $(call module_libs,$(1))
	@mkdir -p $$(@D)
	$$(CC) $$(LDFLAGS) $(link_extra_$(KIND_$(1))) -o $$@ $(call module_objs,$(1)) \
		-Wl,--start-group $(call module_libs,$(1)) -Wl,--end-group $$(LDLIBS)
endif
endef
$(foreach m,$(ALL_MODULES),$(eval $(call module_rules,$(m))))

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)

.PHONY: clean
clean:
	rm -rf build
