TARGET := test-mach_thread
SRC_C  := main.c area_checks.c lock_checks.c thread_checks.c wake_checks.c slot_checks.c tls_checks.c
LIBS   := mach_test_verdict thread lock util
