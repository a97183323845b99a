# GNU Mach: gsync for sleeping and waking, the kernel's mapped time as the clock
LIB   := lock_platform
SRC_C := gsync.c clock.c
