# Linux: futex(2) and CLOCK_MONOTONIC
LIB   := lock_platform
SRC_C := futex.c
