LIB   := util
SRC_C := status.c
