TARGET := core
SRC_C  := main.c console.c machine_exit.c
LIBS   := core_generic
CC_OPT := -Icore
