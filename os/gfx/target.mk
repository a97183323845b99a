LIB   := gfx
SRC_C := rect.c surface.c blit.c font.c font_text.c font_draw.c image.c
LIBS  := log util
