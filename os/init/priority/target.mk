# the priority arithmetic alone: init filters with it, core maps with it
LIB   := init_priority
SRC_C := ../priority.c
