TARGET := test-gfx_rom
SRC_C  := main.c
LIBS   := component gfx
