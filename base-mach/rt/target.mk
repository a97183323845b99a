LIB   := mach_rt
SRC_C := traps.c mach_msg.c mig_support.c mem.c diag.c abort.c
