UNIT_TEST := test-local_rm
SRC_C     := main.c fake_platform.c ../../../base/local_rm/local_rm.c
LIBS      := ipc lock harness
