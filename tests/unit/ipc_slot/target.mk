UNIT_TEST := test-ipc-slot
SRC_C     := slots_on.c ../ipc/main.c ../ipc/test_server.c ../ipc/raw.c ../ipc/async.c ../ipc/slot.c ../ipc/slot_lane.c
LIBS      := ipc harness
