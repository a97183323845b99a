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
#   HOST_LIBS := -lSDL2             (TARGET) libraries of the host, linked last and
#                                   dynamically: the program runs only with
#                                   <host-access> (doc/sandbox.md); built only for
#                                   the architectures in the platform's
#                                   HOST_LIBS_ARCHS
#
# Directories of other platforms (base-<p>/ with p != PLATFORM) are skipped.
# A module is left out of this platform's build when it, or a library it
# needs (transitively), is in PLATFORM_LACKS or PLATFORM_OMIT of the
# platform's hook (toolchain.mk); 'make <module>' then names the reason.
# Any other unknown library is an error in the target.mk that names it.
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

MODULES_ABSENT := $(sort $(PLATFORM_LACKS) $(PLATFORM_OMIT))

define check_libs
$(foreach l,$(LIBS_$(1)),$(if $(filter LIB,$(KIND_$(l))),,$(if $(filter $(l),$(PLATFORM_LACKS)),,$(error $(DIR_$(1))/target.mk: unknown library '$(l)'))))
endef
$(foreach m,$(ALL_MODULES),$(eval $(call check_libs,$(m))))

# what keeps module $(1) off this platform: absent names among itself and
# its library closure (empty: it is built)
module_missing = $(filter $(MODULES_ABSENT),$(1) $(call lib_closure,$(LIBS_$(1))))

$(foreach m,$(ALL_MODULES),$(eval MISSING_$(m) := $(call module_missing,$(m))))
# a program on the host's shared libraries only where the platform has them
# for this architecture (Linux x86_64: no i386 SDL2 on the host, no SDL2 on Mach)
$(foreach m,$(ALL_MODULES),$(if $(HOST_LIBS_$(m)),$(if $(filter $(ARCH),$(HOST_LIBS_ARCHS)),,\
	$(eval MISSING_$(m) += the host's shared libraries for $(ARCH) (HOST_LIBS_ARCHS)))))
OMITTED_MODULES := $(foreach m,$(ALL_MODULES),$(if $(MISSING_$(m)),$(m)))
ALL_MODULES     := $(filter-out $(OMITTED_MODULES),$(ALL_MODULES))
$(foreach k,$(KINDS),$(eval $(k)_MODULES := $(filter-out $(OMITTED_MODULES),$($(k)_MODULES))))

.PHONY: $(OMITTED_MODULES) print-modules
$(foreach m,$(OMITTED_MODULES),$(eval $(m): ; @echo "$(DIR_$(m))/target.mk: module '$(m)' is not built for platform '$(PLATFORM)': it needs $(MISSING_$(m)) ($(PLATFORM_MK))"; exit 1))

# one line per module of this platform's build: kind, name
print-modules:
	@$(foreach m,$(sort $(ALL_MODULES)),echo "$(KIND_$(m)) $(m)";) true
