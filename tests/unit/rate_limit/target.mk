UNIT_TEST := test-rate-limit
SRC_C     := main.c
LIBS      := util harness
