LIB   := mach_rt
SRC_C := traps.c mach_msg.c mig_support.c mem.c diag.c tls.c tls_first.c abort.c
