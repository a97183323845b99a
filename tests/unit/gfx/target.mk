UNIT_TEST := test-gfx
SRC_C     := main.c fixture.c surface.c blit.c font.c font_draw.c image.c
LIBS      := gfx harness
