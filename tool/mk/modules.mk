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
#
# Directories of other platforms (base-<p>/ with p != PLATFORM) are skipped.
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
endef

define module_load
$(foreach k,$(KINDS) SRC_C LIBS CC_OPT LD_OPT,$(eval $(k) :=))
include $(1)
$$(eval $$(call module_add,$(patsubst %/,%,$(dir $(1)))))
endef

$(foreach mk,$(MODULE_MKS),$(eval $(call module_load,$(mk))))

# transitive closure of library dependencies, each library once
lib_closure = $(if $(1),$(firstword $(1)) $(call lib_closure,$(filter-out $(firstword $(1)),$(LIBS_$(firstword $(1))) $(wordlist 2,$(words $(1)),$(1)))))

define check_libs
$(foreach l,$(LIBS_$(1)),$(if $(filter LIB,$(KIND_$(l))),,$(error $(DIR_$(1))/target.mk: unknown library '$(l)')))
endef
$(foreach m,$(ALL_MODULES),$(eval $(call check_libs,$(m))))
