UNIT_TEST := test-core_boot
SRC_C     := main.c
LIBS      := core_generic harness
