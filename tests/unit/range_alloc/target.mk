UNIT_TEST := test-range_alloc
SRC_C     := main.c model.c ../heap/test_backing.c
LIBS      := alloc harness
