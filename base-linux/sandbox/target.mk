LIB   := sandbox
SRC_C := enter.c note.c namespaces.c mount_view.c host_view.c rules.c filter.c tighten.c \
         ../arch/$(ARCH)/sandbox_rules.c
LIBS  := lx_syscall
