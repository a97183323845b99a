UNIT_TEST := test-avl
SRC_C     := main.c
LIBS      := avl util harness
