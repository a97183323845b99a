TARGET := test-adversary
SRC_C  := main.c routes.c
LIBS   := component config_root xml
