FUZZ  := fuzz-gfx_font
SRC_C := main.c
LIBS  := gfx
