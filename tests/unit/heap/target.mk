UNIT_TEST := test-heap
SRC_C     := main.c heap_cases.c slab_cases.c test_backing.c
LIBS      := alloc harness
