LIB   := gfx
SRC_C := rect.c surface.c blit.c
LIBS  := log util
