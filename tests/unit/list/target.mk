UNIT_TEST := test-list
SRC_C     := main.c
LIBS      := harness
