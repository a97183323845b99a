UNIT_TEST := test-status
SRC_C     := main.c
LIBS      := util harness
