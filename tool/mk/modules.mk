#
# Module discovery.
#
# Every directory with a target.mk describes exactly one module:
#
#   LIB       := name    static library lib<name>.a
#   TARGET    := name    program bin/<name> (a component or a host tool)
#   UNIT_TEST := name    unit-test program test/<name>, run by 'make test'
#   FUZZ      := name    libFuzzer target fuzz/<name>, run by 'make fuzz'
#   BENCH     := name    benchmark program bench/<name>
#
#   SRC_C     := a.c ../other/b.c   sources, relative to the target.mk
#   LIBS      := base xml           libraries (dependencies are transitive)
#   CC_OPT    := -D...              extra compiler flags for this module
#   LD_OPT    := -static            extra linker flags for this module's program
#   HOST_LIBS := sdl2               libraries of the host (pkg-config names):
#                                   the program is linked dynamically with
#                                   them, so it cannot run in the sandbox's
#                                   empty root; only a host driver (a start
#                                   node with <host-access>) may have any
#
# Directories of other platforms (base-<p>/ with p != PLATFORM) are skipped.
# A module is left out of this platform's build when it, or a library it
# needs (transitively), is in PLATFORM_LACKS or PLATFORM_OMIT of the
# platform's hook (toolchain.mk); 'make <module>' then names the reason.
# Any other unknown library is an error in the target.mk that names it.
# A module whose HOST_LIBS (its own or its libraries') are not among the
# PLATFORM_HOST_LIBS_<arch> of the platform's hook, or not installed
# (pkg-config finds no .pc file), is left out the same way.
#

MODULE_ROOTS := base base-$(PLATFORM) core os demo libports tests bench
MODULE_MKS   := $(sort $(shell find $(wildcard $(MODULE_ROOTS)) -name target.mk))

KINDS := LIB TARGET UNIT_TEST FUZZ BENCH

# record one module's description in per-module variables
define module_add
$(if $(word 2,$(foreach k,$(KINDS),$($(k)))),$(error $(1)/target.mk: declare exactly one of $(KINDS)))
$(if $(strip $(foreach k,$(KINDS),$($(k)))),,$(error $(1)/target.mk: declares none of $(KINDS)))
$(eval _name := $(strip $(foreach k,$(KINDS),$($(k)))))
$(eval _kind := $(strip $(foreach k,$(KINDS),$(if $($(k)),$(k)))))
$(if $(filter $(_name),$(ALL_MODULES)),$(error $(1)/target.mk: module '$(_name)' is already defined in $(DIR_$(_name))))
$(if $(strip $(SRC_C)),,$(error $(1)/target.mk: SRC_C is empty))
$(eval ALL_MODULES += $(_name))
$(eval $(_kind)_MODULES += $(_name))
$(eval KIND_$(_name) := $(_kind))
$(eval DIR_$(_name) := $(1))
$(eval SRC_$(_name) := $(foreach s,$(SRC_C),$(patsubst $(CURDIR)/%,%,$(abspath $(1)/$(s)))))
$(eval LIBS_$(_name) := $(LIBS))
$(eval CC_OPT_$(_name) := $(CC_OPT))
$(eval LD_OPT_$(_name) := $(LD_OPT))
$(eval HOST_LIBS_$(_name) := $(HOST_LIBS))
endef

define module_load
$(foreach k,$(KINDS) SRC_C LIBS CC_OPT LD_OPT HOST_LIBS,$(eval $(k) :=))
include $(1)
$$(eval $$(call module_add,$(patsubst %/,%,$(dir $(1)))))
endef

$(foreach mk,$(MODULE_MKS),$(eval $(call module_load,$(mk))))

# transitive closure of library dependencies, each library once
lib_closure = $(if $(1),$(firstword $(1)) $(call lib_closure,$(filter-out $(firstword $(1)),$(LIBS_$(firstword $(1))) $(wordlist 2,$(words $(1)),$(1)))))

# libc components (tool/mk/ports.mk) are static programs on musl: the
# sanitizer and fuzzer variants, which need the host's C library, leave
# them out
MODULES_ABSENT := $(sort $(PLATFORM_LACKS) $(PLATFORM_OMIT) $(if $(SAN)$(FUZZING),libc))

# a libc component has 'libc' in its library closure
module_is_libc = $(filter libc,$(1) $(call lib_closure,$(LIBS_$(1))))

# host libraries this build can link: the architecture's, where installed
# (asked once per make, and only if some module wants one)
HOST_LIBS_WANTED := $(sort $(foreach m,$(ALL_MODULES),$(HOST_LIBS_$(m))))
HOST_LIBS_HAVE   := $(foreach l,$(filter $(HOST_LIBS_WANTED),$(PLATFORM_HOST_LIBS_$(ARCH))),\
                      $(if $(shell pkg-config --exists $(l) && echo yes),$(l)))
# the host libraries of module $(1) and of its library closure
module_host_libs = $(sort $(foreach m,$(1) $(call lib_closure,$(LIBS_$(1))),$(HOST_LIBS_$(m))))

define check_libs
$(foreach l,$(LIBS_$(1)),$(if $(filter LIB,$(KIND_$(l))),,$(if $(filter $(l),$(PLATFORM_LACKS)),,$(error $(DIR_$(1))/target.mk: unknown library '$(l)'))))
endef
$(foreach m,$(ALL_MODULES),$(eval $(call check_libs,$(m))))

# what keeps module $(1) off this platform: absent names among itself and
# its library closure (empty: it is built)
module_missing = $(filter $(MODULES_ABSENT),$(1) $(call lib_closure,$(LIBS_$(1)))) \
                 $(foreach l,$(filter-out $(HOST_LIBS_HAVE),$(call module_host_libs,$(1))),host library $(l) on $(ARCH))

$(foreach m,$(ALL_MODULES),$(eval MISSING_$(m) := $(strip $(call module_missing,$(m)))))
OMITTED_MODULES := $(foreach m,$(ALL_MODULES),$(if $(MISSING_$(m)),$(m)))
ALL_MODULES     := $(filter-out $(OMITTED_MODULES),$(ALL_MODULES))
$(foreach k,$(KINDS),$(eval $(k)_MODULES := $(filter-out $(OMITTED_MODULES),$($(k)_MODULES))))

.PHONY: $(OMITTED_MODULES) print-modules
$(foreach m,$(OMITTED_MODULES),$(eval $(m): ; @echo "$(DIR_$(m))/target.mk: module '$(m)' is not built for platform '$(PLATFORM)': it needs $(MISSING_$(m)) ($(PLATFORM_MK))"; exit 1))

# one line per module of this platform's build: kind, name
print-modules:
	@$(foreach m,$(sort $(ALL_MODULES)),echo "$(KIND_$(m)) $(m)";) true
