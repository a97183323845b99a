#
# Ported libraries (doc/ports.md): their upstream sources, fetched by
# tool/prepare_port into build/contrib/<port>/ from Debian's source
# packages and checked there, never committed. A port is prepared again
# when its description, patches or overlay files change.
#
# musl, the C runtime of libc components (doc/libc.md), is built from its
# prepared tree once per platform and architecture (all variants share
# it) into $(MUSL_DIR): headers, crt files and libc.a. Its system calls
# go to our plugin dispatcher (libports/musl/overlay).
#

CONTRIB    := build/contrib
PORTS      := $(patsubst libports/%/port,%,$(wildcard libports/*/port))
port_stamp  = $(CONTRIB)/$(1)/.prepared
port_inputs = libports/$(1)/port $(shell find libports/$(1)/patches libports/$(1)/overlay -type f 2>/dev/null)

define port_rule
$(call port_stamp,$(1)): $(call port_inputs,$(1)) tool/prepare_port
	tool/prepare_port $(1)
endef
$(foreach p,$(PORTS),$(eval $(call port_rule,$(p))))

.PHONY: prepare
prepare: $(foreach p,$(PORTS),$(call port_stamp,$(p)))

# musl's name of each architecture we build
MUSL_ARCH_x86_64 := x86_64
MUSL_ARCH_x86_32 := i386
MUSL_DIR   := build/$(PLATFORM)$(ARCH_SUFFIX)/musl
MUSL_STAMP := $(MUSL_DIR)/.installed
MUSL_INC   := $(MUSL_DIR)/include

# musl's own build, with gcc whatever CC is (it is upstream code: our
# warning flags are not its), without our make's flags and variables
$(MUSL_STAMP): $(call port_stamp,musl)
	@rm -rf $(MUSL_DIR) && mkdir -p $(MUSL_DIR)/obj
	@echo "building musl for $(ARCH) into $(MUSL_DIR) (log: $(MUSL_DIR)/build.log)"
	@cd $(MUSL_DIR)/obj && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL \
		$(CURDIR)/$(CONTRIB)/musl/configure --prefix=$(CURDIR)/$(MUSL_DIR) \
		--target=$(MUSL_ARCH_$(ARCH)) --disable-shared CC="gcc $(ARCH_CFLAGS_$(ARCH))" \
		AR=ar RANLIB=ranlib CFLAGS=-O2 > ../build.log 2>&1 && \
		env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -j$(shell nproc) install >> ../build.log 2>&1 || \
		{ tail -20 ../build.log; echo "musl: build failed, see $(MUSL_DIR)/build.log"; exit 1; }
	@rm -rf $(MUSL_DIR)/obj
	@# the kernel's own headers (linux/, asm/), which musl leaves to the system
	@ln -sfn /usr/include/linux $(MUSL_DIR)/include/linux
	@ln -sfn /usr/include/asm-generic $(MUSL_DIR)/include/asm-generic
	@# the architecture's asm/ if installed apart, else the host's (amd64's serve -m32 too)
	@ln -sfn $(firstword $(wildcard /usr/include/$(shell gcc $(ARCH_CFLAGS_$(ARCH)) -print-multiarch)/asm) \
		/usr/include/$(shell gcc -print-multiarch)/asm) $(MUSL_DIR)/include/asm
	@touch $@

#
# Libc components: a program whose library closure holds 'libc' is
# compiled against musl's headers instead of the host's, together with
# every library it links (a second object tree, $(BUILD)/libc/), and is
# linked with musl's start files and libc.a instead of the host's C
# library. gcc's own headers (stdatomic.h, ...) and libgcc stay.
#
# the compiler's own headers (stdatomic.h ...) are its own, gcc's or clang's
CC_OWN_INC    := $(if $(filter clang%,$(notdir $(CC))),$(shell $(CC) -print-resource-dir)/include,$(shell $(CC) $(ARCH_CFLAGS_$(ARCH)) -print-file-name=include))
LIBC_CFLAGS   := -nostdinc -isystem $(MUSL_INC) -isystem $(CC_OWN_INC)
# main is wrapped: musl's start calls the runtime's __wrap_main, which
# starts the framework first (libports/libc/env/start.c); our refusals
# of new processes are taken in place of musl's (libports/libc/env/
# spawn.c), which is why the linker must look for them before libc.a
LIBC_LDFLAGS  := -Wl,--wrap=main -Wl,-u,posix_spawn -Wl,-u,vfork
gcc_file       = $(shell gcc $(ARCH_CFLAGS_$(ARCH)) -print-file-name=$(1))
LIBC_LINK_PRE  = $(MUSL_DIR)/lib/crt1.o $(MUSL_DIR)/lib/crti.o $(call gcc_file,crtbeginT.o)
LIBC_LINK_POST = $(MUSL_DIR)/lib/libc.a $(shell gcc $(ARCH_CFLAGS_$(ARCH)) -print-libgcc-file-name) \
                 $(call gcc_file,crtend.o) $(MUSL_DIR)/lib/crtn.o

# the names of the system calls, for the dispatcher's log of an
# unsupported call: from the kernel's numbers as the host's headers give
# them for this architecture (musl's numbers are the kernel's too)
LIBC_SYSCALL_NAMES := $(BUILD)/gen/include/libc_gen/syscall_names.h
$(LIBC_SYSCALL_NAMES):
	@mkdir -p $(@D)
	@echo '#include <sys/syscall.h>' | gcc $(ARCH_CFLAGS_$(ARCH)) -E -dM -x c - | \
		awk '$$1 == "#define" && $$2 ~ /^__NR_/ && $$3 ~ /^[0-9]+$$/ { \
			printf "\t[%s] = \"%s\",\n", $$3, substr($$2, 6) }' > $@.tmp
	@test -s $@.tmp || { echo "no system-call numbers from <sys/syscall.h> for $(ARCH)"; exit 1; }
	@mv $@.tmp $@

#
# lwIP (doc/net.md): the module lwip compiles upstream sources from
# $(CONTRIB)/lwip. It, lwip_sys (its sys_arch) and every module whose
# library closure holds one of them see lwIP's headers (as system
# headers: upstream code's warnings are not ours) and our options, and
# their objects depend on the prepared tree, so a clean clone prepares
# it first and a changed port rebuilds them. Its upstream sources get a
# rule of their own so that the pattern rules find them before they
# exist.
#
LWIP_CFLAGS := -Ilibports/lwip/include -isystem $(CONTRIB)/lwip/src/include
lwip_users  := $(foreach m,$(ALL_MODULES),$(if $(filter lwip lwip_sys,$(m) $(call lib_closure,$(LIBS_$(m)))),$(m)))
$(foreach m,$(lwip_users),$(eval CC_OPT_$(m) += $(LWIP_CFLAGS)))
$(filter $(CONTRIB)/lwip/%,$(SRC_lwip)): $(call port_stamp,lwip) ;
# (both object trees of each user, as rules.mk's objs_in names them).
# Our option headers are read from within lwIP's headers, which the
# compiler's dependency lists leave out as system headers: named here.
LWIP_OWN_HDRS  := $(shell find libports/lwip/include -name '*.h')
lwip_user_objs := $(foreach m,$(lwip_users),$(foreach t,obj libc/obj,$(patsubst %.c,$(BUILD)/$(t)/%.o,$(SRC_$(m)))))
$(lwip_user_objs): $(call port_stamp,lwip) $(LWIP_OWN_HDRS)
