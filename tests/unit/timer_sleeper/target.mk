UNIT_TEST := test-timer-sleeper
SRC_C     := main.c
LIBS      := timer_client timer_service signal ipc harness
