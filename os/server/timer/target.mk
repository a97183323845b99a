TARGET := timer
SRC_C  := main.c
LIBS   := component timer_service arg_string
