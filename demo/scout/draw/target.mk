LIB   := scout_draw
SRC_C := render.c chrome_draw.c
LIBS  := scout_doc gfx
