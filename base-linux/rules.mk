#
# Linux's own build rules (read after the generic ones, tool/mk/rules.mk).
#
# The component-side platform libraries make their system calls through
# lx_* (base-linux/include/base/internal/lx_syscall.h), never through the
# C library's wrappers: checked at every build (base-linux/check_lx_raw).
# The sanitizer builds are left out: their instrumentation adds calls into
# the sanitizer runtimes.
#

LX_RAW_LIBS := ipc signal lock_platform thread_platform component_platform process_platform \
               timer_platform lx_syscall
LX_RAW_STAMP := $(BUILD)/lx_raw.checked
# what they link with, and the generic halves they call back (env_start, ...)
LX_RAW_WITH  := $(foreach l,$(call lib_closure,$(LX_RAW_LIBS) component thread local_rm),$(call out_LIB,$(l)))

$(LX_RAW_STAMP): $(foreach l,$(LX_RAW_LIBS),$(call out_LIB,$(l))) $(LX_RAW_WITH) base-linux/check_lx_raw
	@base-linux/check_lx_raw $(foreach l,$(LX_RAW_LIBS),$(call out_LIB,$(l))) -- $(LX_RAW_WITH)
	@touch $@

.PHONY: check-lx-raw
check-lx-raw: $(LX_RAW_STAMP)

ifeq ($(SAN)$(FUZZING),)
all: $(LX_RAW_STAMP)
endif
