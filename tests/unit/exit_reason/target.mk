UNIT_TEST := test-exit_reason
SRC_C     := main.c
LIBS      := util harness
