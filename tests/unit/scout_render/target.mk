UNIT_TEST := test-scout_render
SRC_C     := main.c
LIBS      := scout_draw scout_doc gfx harness
