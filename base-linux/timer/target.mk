LIB   := timer_platform
SRC_C := timerfd.c timerfd_set.c wake.c
LIBS  := ipc lx_syscall
