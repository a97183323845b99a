#
# Whole-tree checks run by 'make test'.
#

# code that must stay kernel-independent: it is compiled for a bare i386
# target without any hosted header, which is what a GNU Mach or NOVA base
# platform will offer (gcc-multilib)
GENERIC_DIRS    := base core os demo
GENERIC_SRC     := $(sort $(shell find $(wildcard $(GENERIC_DIRS)) -name '*.c'))
GENERIC_HDR     := $(sort $(shell find include -name '*.h')) $(RPC_HEADERS)
# only the compiler's own freestanding headers (stddef.h, stdint.h, ...):
# -nostdinc drops the hosted ones, and code is generated, not only parsed
PORTABLE_FREE   := $(shell gcc -m32 -print-file-name=include)
PORTABLE_CFLAGS := -m32 -ffreestanding -nostdinc -isystem $(PORTABLE_FREE) -std=c11 $(WARN) \
                   -Wno-psabi -O2 -Iinclude -I$(GEN_INC) -c -o /dev/null

.PHONY: check-portable check-headers check-format check-cppcheck check-layering format
# generated RPC headers are generic code too: they are made first
check-portable check-headers check-cppcheck: $(RPC_HEADERS)

check-portable:
	@fail=0; for f in $(GENERIC_SRC); do \
		gcc $(PORTABLE_CFLAGS) $$f || { echo "check-portable: $$f is not portable"; fail=1; }; \
	done; \
	for h in $(GENERIC_HDR); do \
		echo "#include \"$$h\"" | gcc $(PORTABLE_CFLAGS) -x c - || \
			{ echo "check-portable: $$h is not portable"; fail=1; }; \
	done; \
	[ $$fail = 0 ] && echo "check-portable: $(words $(GENERIC_SRC)) sources, $(words $(GENERIC_HDR)) headers ok"; \
	exit $$fail

# every public header compiles on its own, in the hosted build
PUBLIC_HDR := $(sort $(shell find include base-$(PLATFORM)/include -name '*.h' 2>/dev/null)) \
              $(RPC_HEADERS)
check-headers:
	@fail=0; for h in $(PUBLIC_HDR); do \
		printf '#include "%s"\n#include "%s"\n' $$h $$h | \
			$(CC) $(filter-out -O% -g,$(CFLAGS)) -fsyntax-only -x c - -I. || \
			{ echo "check-headers: $$h does not stand alone or lacks a guard"; fail=1; }; \
	done; \
	[ $$fail = 0 ] && echo "check-headers: $(words $(PUBLIC_HDR)) headers ok"; \
	exit $$fail

ALL_C_FILES = $(shell git ls-files -co --exclude-standard '*.c' '*.h')
check-format:
	@clang-format --dry-run -Werror $(ALL_C_FILES) && echo "check-format: $(words $(ALL_C_FILES)) files ok"

format:
	clang-format -i $(ALL_C_FILES)

# each platform's files are checked in that platform's build, with its
# include paths (generated ones too): another platform's headers are not
# there to be read
OTHER_PLATFORM_C = $(filter-out base-$(PLATFORM)/%,$(filter base-%,$(filter %.c,$(ALL_C_FILES))))
CPPCHECK_FILES   = $(filter-out $(OTHER_PLATFORM_C),$(filter %.c,$(ALL_C_FILES)))
check-cppcheck: $(PLATFORM_GEN_HEADERS)
	@cppcheck -q --error-exitcode=1 --std=c11 --enable=warning,portability,performance \
		--inline-suppr --suppress=missingIncludeSystem $(addprefix -I,$(INC_DIRS)) \
		$(CPPCHECK_FILES) && echo "check-cppcheck: $(words $(CPPCHECK_FILES)) files ok"

# nothing generic (core/, base/, include/) includes from os/ (tool/check_layering)
check-layering:
	@tool/check_layering

# the porting surface (tool/check_porting, doc/porting.md): every symbol
# generic objects take from base-$(PLATFORM) is documented, no source in
# base-$(PLATFORM) is platform-neutral, no generic object is made from a
# platform file. PORTING_* point the check at a scratch tree in its
# self-test (tests/tool/check_porting.sh), which builds nothing.
PORTING_ROOT     ?= .
PORTING_DOC      ?= doc/porting.md
PORTING_OBJ_ROOT ?= $(BUILD)/obj
PORTING_OBJS     ?= $(sort $(foreach m,$(ALL_MODULES),$(call module_objs,$(m))))
.PHONY: check-porting
check-porting: $(if $(filter .,$(PORTING_ROOT)),all $(PORTING_OBJS))
	@PORTABLE_CFLAGS='$(PORTABLE_CFLAGS) -Icore' tool/check_porting $(PLATFORM) $(PORTING_ROOT) \
		$(PORTING_DOC) $(PORTING_OBJ_ROOT) $(PORTING_OBJS)
