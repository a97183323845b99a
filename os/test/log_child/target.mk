TARGET := test-log_child
SRC_C  := main.c
LIBS   := component
