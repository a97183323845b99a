UNIT_TEST := test-string
SRC_C     := main.c
LIBS      := util harness
