FUZZ  := fuzz-gfx_image
SRC_C := main.c
LIBS  := gfx
