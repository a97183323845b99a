UNIT_TEST := test-nic_mac
SRC_C     := main.c
LIBS      := nic_server harness
