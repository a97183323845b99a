LIB   := harness
SRC_C := harness.c test_heap.c
LIBS  := alloc
