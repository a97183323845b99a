LIB   := log
SRC_C := log.c log_limit.c
LIBS  := util lock
