LIB   := test_expect
SRC_C := expect.c
LIBS  := log util
