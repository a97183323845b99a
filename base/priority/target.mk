# the priority arithmetic alone: init subdivides with it, core maps with it
LIB   := init_priority
SRC_C := priority.c
