UNIT_TEST := test-node
SRC_C     := main.c
LIBS      := node harness
