TARGET := test-mach_thread
SRC_C  := main.c console.c area_checks.c lock_checks.c thread_checks.c wake_checks.c slot_checks.c tls_checks.c
LIBS   := thread lock util
