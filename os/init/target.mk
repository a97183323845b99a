TARGET := init
SRC_C  := main.c
LIBS   := init_config component
