UNIT_TEST := test-format
SRC_C     := main.c
LIBS      := util harness
