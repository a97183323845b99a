FUZZ  := fuzz-gfx_image
SRC_C := main.c
LIBS  := fuzz_gfx_surface gfx
