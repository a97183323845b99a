UNIT_TEST := test-gfx
SRC_C     := main.c fixture.c surface.c blit.c
LIBS      := gfx harness
