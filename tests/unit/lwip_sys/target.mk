UNIT_TEST := test-lwip_sys
SRC_C     := main.c
LIBS      := lwip thread lock util harness
