TARGET := hello-client
SRC_C  := main.c
LIBS   := component config_root xml
