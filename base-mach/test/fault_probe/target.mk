TARGET := test-mach_fault_probe
SRC_C  := main.c ../core/console.c ../../core/exc.c
LIBS   := test_fault ipc util
