UNIT_TEST := test-ipc
SRC_C     := main.c test_server.c raw.c async.c slot.c slot_lane.c
LIBS      := ipc harness
