UNIT_TEST := test-timer-service
SRC_C     := main.c fake_platform.c
LIBS      := timer_service signal ipc harness
