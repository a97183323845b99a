UNIT_TEST := test-escape
SRC_C     := main.c
LIBS      := util harness
