LIB   := timer_platform
SRC_C := timerfd.c
LIBS  := ipc lx_syscall
