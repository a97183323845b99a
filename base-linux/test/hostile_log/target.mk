TARGET := test-hostile-log
SRC_C  := main.c forge.c bounds.c
LIBS   := component config_root xml
