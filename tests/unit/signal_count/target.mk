UNIT_TEST := test-signal-count
SRC_C     := main.c
LIBS      := harness
