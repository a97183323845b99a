#
# Compile and link rules for the modules found by modules.mk.
#

out_LIB       = $(BUILD)/lib/lib$(1).a
out_TARGET    = $(BUILD)/bin/$(1)
out_UNIT_TEST = $(BUILD)/test/$(1)
out_FUZZ      = $(BUILD)/fuzz/$(1)
out_BENCH     = $(BUILD)/bench/$(1)
module_out    = $(call out_$(KIND_$(1)),$(1))
# a libc component's objects and libraries are a second tree, compiled
# against musl's headers (tool/mk/ports.mk); $(2) picks the tree
flavor_of     = $(if $(call module_is_libc,$(1)),libc/)
objs_in       = $(patsubst %.c,$(BUILD)/$(2)obj/%.o,$(SRC_$(1)))
libs_in       = $(foreach l,$(call lib_closure,$(LIBS_$(1))),$(BUILD)/$(2)lib/lib$(l).a)
module_objs   = $(call objs_in,$(1),$(call flavor_of,$(1)))
module_libs   = $(call libs_in,$(1),$(call flavor_of,$(1)))

#
# RPC interfaces: tool/rpcgen turns every <root>/<x>/<x>.rpc under
# RPC_ROOTS into $(GEN_INC)/<x>/{rpc.h,client.h,server.h,fuzz.h}, so that
# code includes <x>/client.h. Generated headers live in the build directory
# only. Every object waits for all of them (order-only), which is simple
# and keeps -j correct; the compiler's .d files then track real use.
#
# The dispatch fuzzer's table of all interfaces, $(GEN_INC)/rpc_fuzz/
# table.h, and its seed corpus (one valid call per method) come from the
# whole list: a new or removed .rpc file changes the list file, which
# makes them again.
#
RPC_ROOTS   := include base-$(PLATFORM)/include os/include tests/include
RPC_FILES   := $(sort $(shell find $(wildcard $(RPC_ROOTS)) -name '*.rpc'))
GEN_INC     := $(BUILD)/gen/include
rpc_iface    = $(notdir $(patsubst %/,%,$(dir $(1))))
rpc_outs     = $(addprefix $(GEN_INC)/$(call rpc_iface,$(1))/,rpc.h client.h server.h fuzz.h)
RPC_FUZZ_TABLE  := $(GEN_INC)/rpc_fuzz/table.h
RPC_FUZZ_LIST   := $(BUILD)/gen/rpc_files.list
RPC_FUZZ_CORPUS := $(BUILD)/gen/corpus/fuzz-rpc-all
RPC_HEADERS := $(foreach f,$(RPC_FILES),$(call rpc_outs,$(f))) $(RPC_FUZZ_TABLE)
INC_DIRS    += $(GEN_INC)

define rpc_rule
$(if $(filter $(call rpc_iface,$(1)).rpc,$(notdir $(1))),,$(error $(1): an interface <x>.rpc must be in a directory named <x>))
$(call rpc_outs,$(1)) &: $(1) tool/rpcgen
	tool/rpcgen -o $(GEN_INC)/$(call rpc_iface,$(1)) $(1)
endef
$(foreach f,$(RPC_FILES),$(eval $(call rpc_rule,$(f))))

$(shell mkdir -p $(dir $(RPC_FUZZ_LIST)) && echo '$(RPC_FILES)' | cmp -s - $(RPC_FUZZ_LIST) || \
	echo '$(RPC_FILES)' > $(RPC_FUZZ_LIST))
$(RPC_FUZZ_TABLE): $(RPC_FUZZ_LIST) $(RPC_FILES) tool/rpcgen
	tool/rpcgen --fuzz-table $(dir $@) --corpus $(RPC_FUZZ_CORPUS) $(RPC_FILES)

.PHONY: rpc-headers
rpc-headers: $(RPC_HEADERS)

.DEFAULT_GOAL := all
.PHONY: all programs unit-tests benches fuzzers $(ALL_MODULES)

all: programs unit-tests benches
programs:   $(foreach m,$(TARGET_MODULES),$(call out_TARGET,$(m)))
unit-tests: $(foreach m,$(UNIT_TEST_MODULES),$(call out_UNIT_TEST,$(m)))
benches:    $(foreach m,$(BENCH_MODULES),$(call out_BENCH,$(m)))
fuzzers:    $(foreach m,$(FUZZ_MODULES),$(call out_FUZZ,$(m)))

$(BUILD)/obj/%.o: %.c | $(RPC_HEADERS) $(PLATFORM_GEN_HEADERS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(MOD_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/libc/obj/%.o: %.c | $(RPC_HEADERS) $(PLATFORM_GEN_HEADERS) $(MUSL_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LIBC_CFLAGS) $(MOD_CFLAGS) -MMD -MP -c $< -o $@

link_extra_FUZZ = -fsanitize=fuzzer
# Programs are linked statically: core starts each one in an empty root,
# where no dynamic loader or library can be found (doc/sandbox.md). The
# sanitizer runtimes need dynamic linking, so SAN/FUZZ builds link
# dynamically; their programs cannot run under core (make test runs only
# their unit tests and fuzzers).
#
# A host driver (HOST_LIBS, tool/mk/modules.mk) is the exception: it is
# linked dynamically with the host's libraries and runs only where core
# lets it out of the empty root (<host-access>, doc/gui.md). Their headers
# are system headers: our warnings are not theirs.
link_extra_TARGET = $(if $(SAN)$(FUZZING),,-static)
host_cflags = $(if $(1),$(patsubst -I%,-isystem %,$(shell pkg-config --cflags $(1))))
host_ldlibs = $(if $(1),$(shell pkg-config --libs $(1)))
module_link_extra = $(if $(call module_host_libs,$(1)),,$(link_extra_$(KIND_$(1))))

define module_rules
$(call module_objs,$(1)): MOD_CFLAGS := $(CC_OPT_$(1)) $(call host_cflags,$(HOST_LIBS_$(1)))
$(1): $(call module_out,$(1))
ifeq ($(KIND_$(1)),LIB)
$(call module_out,$(1)): $(call module_objs,$(1))
	@mkdir -p $$(@D)
	rm -f $$@ && ar rcs $$@ $$^
$(call objs_in,$(1),libc/): MOD_CFLAGS := $(CC_OPT_$(1))
$(BUILD)/libc/lib/lib$(1).a: $(call objs_in,$(1),libc/)
	@mkdir -p $$(@D)
	rm -f $$@ && ar rcs $$@ $$^
else ifneq ($(call module_is_libc,$(1)),)
$(call module_out,$(1)): $(call module_objs,$(1)) $(call module_libs,$(1)) $(MUSL_STAMP)
	@mkdir -p $$(@D)
	$$(CC) $(ARCH_CFLAGS_$(ARCH)) -static -nostdlib $(LIBC_LDFLAGS) $(LD_OPT_$(1)) -o $$@ $(LIBC_LINK_PRE) \
		$(call module_objs,$(1)) -Wl,--start-group $(call module_libs,$(1)) $(LIBC_LINK_POST) -Wl,--end-group
else
$(call module_out,$(1)): $(call module_objs,$(1)) $(call module_libs,$(1)) $(PLATFORM_LDLIBS)
	@mkdir -p $$(@D)
	$$(CC) $$(LDFLAGS) $(call module_link_extra,$(1)) $(LD_OPT_$(1)) -o $$@ $(call module_objs,$(1)) \
		-Wl,--start-group $(call module_libs,$(1)) $(PLATFORM_LDLIBS) -Wl,--end-group $$(LDLIBS) \
		$(call host_ldlibs,$(call module_host_libs,$(1)))
endif
endef
$(foreach m,$(ALL_MODULES),$(eval $(call module_rules,$(m))))

# the dispatcher's table of system-call names (tool/mk/ports.mk)
ifneq ($(filter libc_dispatch,$(ALL_MODULES)),)
$(call objs_in,libc_dispatch,) $(call objs_in,libc_dispatch,libc/): | $(LIBC_SYSCALL_NAMES)
endif

-include $(shell find $(BUILD)/obj $(BUILD)/libc/obj -name '*.d' 2>/dev/null)

# the platform's own rules (generated stubs and the like), if it has any
-include base-$(PLATFORM)/rules.mk

.PHONY: clean
clean:
	rm -rf build
