# output and verdict of the bootstrap tests in base-mach/test
LIB   := mach_test_verdict
SRC_C := verdict.c
LIBS  := util
