LIB   := log
SRC_C := log.c
LIBS  := util
