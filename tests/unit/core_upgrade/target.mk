UNIT_TEST := test-core_upgrade
SRC_C     := main.c
LIBS      := core_generic session_args harness
