UNIT_TEST := test-thread-unit
SRC_C     := main.c basic.c main_thread.c stack.c overflow.c
LIBS      := thread util harness
