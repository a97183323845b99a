#
# Compiler, flags and the build directory of the selected variant.
#

ifeq ($(origin CC),default)
CC := gcc
endif

VARIANT := $(if $(FUZZING),fuzz,$(if $(SAN),san,$(if $(filter clang%,$(notdir $(CC))),clang,)))
BUILD   ?= build/$(PLATFORM)$(if $(VARIANT),/$(VARIANT))

# platform headers come first so that a platform may shadow a generic header
INC_DIRS := base-$(PLATFORM)/include include

WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wno-unused-parameter
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 $(WARN) $(addprefix -I,$(INC_DIRS)) -fno-strict-aliasing
LDFLAGS ?=

ifneq ($(SAN),)
CFLAGS  += -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
LDFLAGS += -fsanitize=address,undefined
endif

ifneq ($(FUZZING),)
CC      := clang
CFLAGS  += -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
endif
