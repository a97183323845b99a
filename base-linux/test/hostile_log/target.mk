TARGET := test-hostile-log
SRC_C  := main.c forge.c bounds.c ops.c
LIBS   := component config_root xml
