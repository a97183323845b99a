# a forged exception message, for the tests of core's exception server
LIB   := mach_test_forge
SRC_C := forge.c
