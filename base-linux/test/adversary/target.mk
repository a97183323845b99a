TARGET := test-adversary
SRC_C  := main.c routes.c many.c
LIBS   := component config_root xml thread
