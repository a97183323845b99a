TARGET := test-hostile_escape
SRC_C  := main.c
LIBS   := component config_root xml
