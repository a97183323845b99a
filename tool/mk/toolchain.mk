#
# Compiler, flags and the build directory of the selected platform,
# architecture and variant.
#
# The platform's build hook base-<platform>/platform.mk says (doc/porting.md):
#
#   PLATFORM_CC          := gcc            compiler unless CC is given
#   ARCHS                := a b            architectures it builds
#   ARCH_DEFAULT         := a              the one 'make' builds without ARCH=
#   SPECS_<arch>         := x86 64bit ...  the run tool's have_spec (tool/run)
#   ARCH_CFLAGS_<arch>   := -m..           compile and link flags of an arch
#   ARCH_LDFLAGS_<arch>  := ...            link flags of an arch's programs
#   ARCH_NO_VARIANTS_<a> := san fuzz       variants an arch cannot build
#   PLATFORM_LACKS       := lib ...        libraries the platform does not
#                                          provide: modules needing them are
#                                          left out (tool/mk/modules.mk)
#   PLATFORM_OMIT        := module ...     modules left out on this platform
#   PLATFORM_HOST_LIBS_<arch> := sdl2      host libraries (pkg-config names)
#                                          a host driver may link there
#                                          dynamically (HOST_LIBS of a
#                                          target.mk, tool/mk/modules.mk)
#   PLATFORM_GEN_HEADERS  = files          generated headers every object
#                                          waits for (order-only)
#   PLATFORM_INC_DIRS     = dirs           more include directories
#   PLATFORM_LDLIBS       = archives       linked last into every program
#
# These three may name $(BUILD) (define them with '='); the rules that
# make them go into base-<platform>/rules.mk, read after the generic rules.
#

PLATFORM_MK := base-$(PLATFORM)/platform.mk
ifeq ($(wildcard $(PLATFORM_MK)),)
$(error platform '$(PLATFORM)' has no build hook: $(PLATFORM_MK) is missing (doc/porting.md says what it declares))
endif
include $(PLATFORM_MK)

ARCH ?= $(ARCH_DEFAULT)
ifeq ($(filter $(ARCH),$(ARCHS)),)
$(error $(PLATFORM_MK): platform '$(PLATFORM)' builds the architectures '$(ARCHS)', not '$(ARCH)')
endif
SPECS := $(PLATFORM) $(SPECS_$(ARCH))

ifeq ($(origin CC),default)
CC := $(or $(PLATFORM_CC),gcc)
endif

VARIANT := $(if $(FUZZING),fuzz,$(if $(SAN),san,$(if $(filter clang%,$(notdir $(CC))),clang,)))
ifneq ($(filter $(VARIANT),$(ARCH_NO_VARIANTS_$(ARCH))),)
$(error $(PLATFORM_MK): the $(VARIANT) variant is not built for $(ARCH))
endif
# the default architecture keeps the short name build/<platform>
ARCH_SUFFIX := $(if $(filter-out $(ARCH_DEFAULT),$(ARCH)),_$(ARCH))
BUILD   ?= build/$(PLATFORM)$(ARCH_SUFFIX)$(if $(VARIANT),/$(VARIANT))

# platform headers come first so that a platform may shadow a generic header
INC_DIRS := base-$(PLATFORM)/include include $(PLATFORM_INC_DIRS)

WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wno-unused-parameter
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 $(WARN) $(addprefix -I,$(INC_DIRS)) -fno-strict-aliasing $(ARCH_CFLAGS_$(ARCH))
LDFLAGS ?=
LDFLAGS += $(ARCH_CFLAGS_$(ARCH)) $(ARCH_LDFLAGS_$(ARCH))

ifneq ($(SAN),)
CFLAGS  += -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
LDFLAGS += -fsanitize=address,undefined
endif

ifneq ($(FUZZING),)
CC      := clang
CFLAGS  += -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
endif

# what scripts (tool/run, tool/test_all) ask instead of guessing
.PHONY: print-specs print-build-dir print-arch
print-specs:     ; @echo $(SPECS)
print-build-dir: ; @echo $(BUILD)
print-arch:      ; @echo $(ARCH)
