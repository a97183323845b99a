TARGET := test-framebuffer
SRC_C  := main.c draw.c input.c
LIBS   := component config_root xml
