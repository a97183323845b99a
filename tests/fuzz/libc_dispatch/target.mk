FUZZ   := fuzz-libc_dispatch
SRC_C  := main.c plugin.c
LIBS   := libc_dispatch
CC_OPT := -D_GNU_SOURCE
