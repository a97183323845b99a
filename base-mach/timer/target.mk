# GNU Mach: the Timer server's alarm is a helper thread that waits with a
# receive timeout and tells the entrypoint by message
LIB   := timer_platform
SRC_C := alarm.c wake.c
LIBS  := ipc thread lock_platform
