TARGET := core_child_ok
SRC_C  := main.c
