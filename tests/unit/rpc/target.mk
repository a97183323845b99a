UNIT_TEST := test-rpc-unit
SRC_C     := main.c
LIBS      := ipc harness
