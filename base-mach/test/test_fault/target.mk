LIB   := test_fault
SRC_C := fault.c
