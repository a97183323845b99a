# what the gfx fuzz targets share: a clipped surface that checks its clip
LIB   := fuzz_gfx_surface
SRC_C := surface.c
LIBS  := gfx
