FUZZ  := fuzz-gfx_font
SRC_C := main.c
LIBS  := fuzz_gfx_surface gfx
