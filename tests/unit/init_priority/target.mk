UNIT_TEST := test-init_priority
SRC_C     := main.c
LIBS      := init_config harness
