# libc_lwip: the C runtime's AF_INET sockets served by lwIP (doc/net.md,
# include/libc_lwip.h). plugin.c and translate.c speak the C library's
# socket definitions, glue.c lwIP's: no file sees both.
LIB    := libc_lwip
SRC_C  := init.c plugin.c translate.c glue.c
LIBS   := lwip_nic lwip libc config_root xml
CC_OPT := -D_GNU_SOURCE
