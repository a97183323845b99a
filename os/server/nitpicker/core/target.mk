LIB   := nitpicker_core
SRC_C := session.c view.c draw.c input.c policy.c
LIBS  := gfx log util
