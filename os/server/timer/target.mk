TARGET := timer
SRC_C  := main.c
LIBS   := root_component component timer_service arg_string
