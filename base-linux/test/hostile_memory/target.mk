TARGET := test-hostile-memory
SRC_C  := main.c grab.c dataspace.c
LIBS   := component config_root xml
