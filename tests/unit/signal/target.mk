UNIT_TEST := test-signal-unit
SRC_C     := main.c basic.c page.c process.c threads.c ../ipc/test_server.c ../ipc/raw.c
LIBS      := signal thread ipc harness
