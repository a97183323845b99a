TARGET := timer
SRC_C  := main.c
LIBS   := session_args component timer_service arg_string
