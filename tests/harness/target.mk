LIB   := harness
SRC_C := harness.c
