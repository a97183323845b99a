UNIT_TEST := test-core_options
SRC_C     := main.c
LIBS      := core_generic harness
