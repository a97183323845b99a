# test-libc: a libc component (doc/libc.md) exercising every plugin of
# the runtime under the normal sandbox (run/libc.run)
TARGET := test-libc
SRC_C  := main.c stdio_mem.c files.c threads.c unsupported.c
LIBS   := libc
CC_OPT := -D_GNU_SOURCE
