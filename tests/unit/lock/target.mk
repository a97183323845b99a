UNIT_TEST := test-lock
SRC_C     := main.c lock.c semaphore.c blockade.c
LIBS      := lock util harness
